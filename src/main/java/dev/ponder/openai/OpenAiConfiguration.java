package dev.ponder.openai;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import dev.ponder.chat.UpstreamMessages;
import dev.ponder.format.Sizes;
import dev.ponder.web.RequestBodyLimit;

/** The OpenAI-compatible API's guard on the size of a call. */
@Configuration(proxyBeanMethods = false)
class OpenAiConfiguration {

	/**
	 * Room in a call besides its files: the thread's text, which may be long, and JSON.
	 */
	private static final long ROOM_FOR_TEXT = 16L * 1024 * 1024;

	/**
	 * A call is read whole, and held in memory a few times over, before it is checked:
	 * one larger than the files one question may carry together (in base64) and its text
	 * is refused from its length before anything reads it.
	 */
	@Bean
	FilterRegistrationBean<RequestBodyLimit> openAiCallLimit(JsonMapper jsonMapper) {
		long largest = UpstreamMessages.FILES_BUDGET / 3 * 4 + ROOM_FOR_TEXT;
		return RequestBodyLimit.on("/v1/chat/completions", largest, (request, response, length) -> {
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			jsonMapper.writeValue(response.getOutputStream(),
					OpenAiError.of(
							"The call is about " + Sizes.inWords(length) + "; one may be up to "
									+ Sizes.inWords(largest) + ", its files included.",
							OpenAiErrors.INVALID_REQUEST, "messages", "too_large"));
		});
	}

}
