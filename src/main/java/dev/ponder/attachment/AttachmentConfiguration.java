package dev.ponder.attachment;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where attachments are kept (the database, or {@code PONDER_ATTACHMENT_DIR}), and the
 * upload limit answered before anything reads an upload.
 */
@Configuration(proxyBeanMethods = false)
class AttachmentConfiguration {

	/** Room in an upload for its part headers besides the file itself. */
	static final long PART_HEADERS = 64 * 1024;

	@Bean
	AttachmentStore attachmentStore(AttachmentProperties properties, JdbcTemplate jdbc, Clock clock) {
		return (properties.dir() != null) ? new DirectoryAttachmentStore(properties.dir(), clock)
				: new DatabaseAttachmentStore(jdbc);
	}

	/**
	 * An upload larger than a file may be is refused with the API's 413 before Spring
	 * Security or the multipart parser reads it.
	 */
	@Bean
	FilterRegistrationBean<AttachmentUploadLimit> attachmentUploadLimit(AttachmentProperties properties,
			JsonMapper jsonMapper) {
		FilterRegistrationBean<AttachmentUploadLimit> registration = new FilterRegistrationBean<>(
				new AttachmentUploadLimit(properties, properties.maxSize().toBytes() + PART_HEADERS, jsonMapper));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
		registration.addUrlPatterns("/api/attachments");
		return registration;
	}

}
