package dev.ponder;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ponder.attachment.AttachmentProperties;
import dev.ponder.conversation.ImportProperties;
import dev.ponder.web.RequestBodyLimit;

/**
 * The servlet container's limit on multipart uploads, for every form that posts files:
 * the import form's export file and the page's question with its files.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

	/**
	 * The container takes uploads a little past the limits, so that a file just over one
	 * reaches the importer or the attachment check, which say so: the larger of an import
	 * file and a question's files (as many as it takes, each as large as allowed, which
	 * the page's plain form posts at once). Files spill to disk at once (threshold 0, as
	 * Spring Boot's default): an upload never sits in the heap.
	 */
	@Bean
	MultipartConfigElement multipartConfigElement(ImportProperties importLimit, AttachmentProperties attachments) {
		long questionFiles = attachments.maxSize().toBytes() * attachments.maxFiles()
				+ RequestBodyLimit.ROOM_FOR_FIELDS;
		long largest = Math.max(importLimit.maxSize().toBytes() + RequestBodyLimit.ROOM_FOR_FIELDS, questionFiles);
		return new MultipartConfigElement("", largest, largest, 0);
	}

}
