package dev.ponder.conversation;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The plain form's upload limit is the import limit: the form's only file is an import
 * file, and both ways in take the same files.
 */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

	/** Room in a form upload for its other fields (the CSRF token) and part headers. */
	private static final long FORM_FIELDS = 64 * 1024;

	/**
	 * The container takes uploads a little past the limit, so that a file just over it
	 * reaches the importer, which says so on the page. Files spill to disk at once
	 * (threshold 0, as Spring Boot's default): an upload never sits in the heap.
	 */
	@Bean
	MultipartConfigElement multipartConfigElement(ImportProperties importLimit) {
		long largest = largestUpload(importLimit);
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
