package dev.ponder.conversation;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ponder.web.RequestBodyLimit;

/** The import form's upload limit, answered before anything reads the upload. */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

	/** Anything larger is turned away before Spring Security reads a form field. */
	@Bean
	FilterRegistrationBean<RequestBodyLimit> importUploadLimit(ImportProperties importLimit) {
		return RequestBodyLimit.on("/import", importLimit.maxSize().toBytes() + RequestBodyLimit.ROOM_FOR_FIELDS,
				new ImportUploadLimit(importLimit));
	}

}
