package dev.ponder.upstream;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The {@code error} object of an OpenRouter error, before or during the stream. Its
 * {@code code} is a number ({@code 502}) or a string ({@code "server_error"}), depending
 * on the provider.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpstreamErrorBody(Object code, String message, Map<String, Object> metadata) {

	/** The code as an HTTP-like status, where it is one. */
	public Integer numericCode() {
		if (this.code instanceof Number number) {
			return number.intValue();
		}
		if (this.code instanceof String text && text.matches("\\d{3}")) {
			return Integer.valueOf(text);
		}
		return null;
	}

}
