package dev.ponder.attachment;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.ponder.web.RequestBodyLimit;

/**
 * Where attachments are kept (the database, or {@code PONDER_ATTACHMENT_DIR}), and the
 * upload limit answered before anything reads an upload.
 */
@Configuration(proxyBeanMethods = false)
class AttachmentConfiguration {

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
	FilterRegistrationBean<RequestBodyLimit> attachmentUploadLimit(AttachmentProperties properties,
			JsonMapper jsonMapper) {
		return RequestBodyLimit.on("/api/attachments",
				properties.maxSize().toBytes() + RequestBodyLimit.ROOM_FOR_FIELDS,
				new AttachmentUploadLimit(properties, jsonMapper));
	}

}
