package dev.ponder.conversation;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ponder.attachment.AttachmentProperties;

/**
 * The plain form's upload limit is the import limit: the form's only file is an import
 * file, and both ways in take the same files.
 */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

	/** Room in a form upload for its other fields (the CSRF token) and part headers. */
	private static final long FORM_FIELDS = 64 * 1024;

	/**
	 * The container takes uploads a little past the limits, so that a file just over one
	 * reaches the importer or the attachment check, which say so: the larger of an import
	 * file and a question's files (as many as it takes, each as large as allowed, which
	 * the page's plain form posts at once). Files spill to disk at once (threshold 0, as
	 * Spring Boot's default): an upload never sits in the heap.
	 */
	@Bean
	MultipartConfigElement multipartConfigElement(ImportProperties importLimit, AttachmentProperties attachments) {
		long questionFiles = attachments.maxSize().toBytes() * attachments.maxFiles() + FORM_FIELDS;
		long largest = Math.max(largestUpload(importLimit), questionFiles);
		return new MultipartConfigElement("", largest, largest, 0);
	}

	/** Anything larger is turned away before Spring Security reads a form field. */
	@Bean
	FilterRegistrationBean<ImportUploadLimit> importUploadLimit(ImportProperties importLimit) {
		FilterRegistrationBean<ImportUploadLimit> registration = new FilterRegistrationBean<>(
				new ImportUploadLimit(importLimit, largestUpload(importLimit)));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
		registration.addUrlPatterns("/import");
		return registration;
	}

	private static long largestUpload(ImportProperties importLimit) {
		return importLimit.maxSize().toBytes() + FORM_FIELDS;
	}

}
