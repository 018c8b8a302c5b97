package dev.ponder.upstream;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

/**
 * Turns what an upstream said about a failure (an HTTP status with an error body, or an
 * error inside the stream) into the matching {@link UpstreamException}.
 */
class UpstreamErrors {

	private static final int MAX_DETAIL_LENGTH = 500;

	private final JsonMapper jsonMapper;

	private final Endpoint endpoint;

	private final String apiKey;

	UpstreamErrors(JsonMapper jsonMapper, Endpoint endpoint) {
		this.jsonMapper = jsonMapper;
		this.endpoint = endpoint;
		this.apiKey = endpoint.apiKey();
	}

	/** An HTTP error status before the stream began. */
	UpstreamException fromStatus(int status, String body, HttpHeaders headers) {
		UpstreamErrorBody error = parseBody(body);
		return byStatus(status, withReasons(detail(error, status), error), retryAfter(headers), this.endpoint);
	}

	/** An error reported inside the stream, in OpenRouter's or vLLM's shape. */
	UpstreamException fromChunk(ChatChunk chunk) {
		UpstreamErrorBody error = chunk.errorBody();
		Integer status = error.numericCode();
		String detail = detail(error, status);
		// A string code such as "server_error" names no status: the provider failed
		// mid-answer.
		return (status != null) ? byStatus(status, detail, null, this.endpoint)
				: new UpstreamException.ProviderFailed(detail);
	}

	private static UpstreamException byStatus(int status, String detail, Duration retryAfter, Endpoint endpoint) {
		return switch (status) {
			case 401 -> new UpstreamException.InvalidKey(detail, endpoint);
			case 402 -> new UpstreamException.OutOfCredits(detail, endpoint);
			case 403 -> new UpstreamException.Moderated(detail);
			case 404, 503 -> new UpstreamException.ModelUnavailable(detail);
			case 408 -> new UpstreamException.TimedOut("The provider timed out before answering (" + detail + ").");
			case 429 -> new UpstreamException.RateLimited(detail, retryAfter);
			default -> (status >= 500) ? new UpstreamException.ProviderFailed(detail)
					: new UpstreamException.BadRequest(detail);
		};
	}

	private UpstreamErrorBody parseBody(String body) {
		if (body == null || body.isBlank()) {
			return null;
		}
		try {
			ErrorEnvelope envelope = this.jsonMapper.readValue(body, ErrorEnvelope.class);
			if (envelope.error() != null) {
				return envelope.error();
			}
			if (envelope.message() != null) {
				return new UpstreamErrorBody(envelope.code(), envelope.message(), null);
			}
		}
		catch (JacksonException ex) {
			// Not JSON (a proxy's HTML page, say): the status alone has to speak.
		}
		return null;
	}

	private String detail(UpstreamErrorBody error, Integer status) {
		String message = (error != null && error.message() != null) ? error.message() : null;
		if (message == null) {
			return (status != null) ? "HTTP " + status : null;
		}
		String providerName = providerName(error);
		String detail = (providerName != null && !message.contains(providerName)) ? providerName + " says " + message
				: message;
		return redact(truncate(detail));
	}

	private static String providerName(UpstreamErrorBody error) {
		Map<String, Object> metadata = error.metadata();
		return (metadata != null && metadata.get("provider_name") instanceof String name) ? name : null;
	}

	private static String withReasons(String detail, UpstreamErrorBody error) {
		if (error == null || error.metadata() == null
				|| !(error.metadata().get("reasons") instanceof Collection<?> reasons) || reasons.isEmpty()) {
			return detail;
		}
		return detail + " (" + String.join(", ", reasons.stream().map(String::valueOf).toList()) + ")";
	}

	/**
	 * Upstream messages are shown to people and stored: they must never carry the key.
	 */
	private String redact(String text) {
		if (this.apiKey == null || this.apiKey.isBlank() || text == null) {
			return text;
		}
		return text.replace(this.apiKey, "[redacted]");
	}

	private static String truncate(String text) {
		return (text.length() <= MAX_DETAIL_LENGTH) ? text : text.substring(0, MAX_DETAIL_LENGTH) + "…";
	}

	/** Retry-After is either a number of seconds or an HTTP date. */
	static Duration retryAfter(HttpHeaders headers) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Long.parseLong(value.strip()));
		}
		catch (NumberFormatException ex) {
			try {
				Duration wait = Duration.between(ZonedDateTime.now(),
						ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	private record ErrorEnvelope(UpstreamErrorBody error, String message, Object code) {
	}

}
