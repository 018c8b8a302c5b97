package dev.ponder.openai;

import org.springframework.http.HttpStatus;

/**
 * A call refused before its answer started, answered with its status and
 * {@link OpenAiError}.
 */
class OpenAiException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final HttpStatus status;

	private final transient OpenAiError error;

	OpenAiException(HttpStatus status, OpenAiError error) {
		super(error.error().message());
		this.status = status;
		this.error = error;
	}

	/** A field of the request that cannot be taken: a 400 that names it. */
	static OpenAiException invalid(String param, String message) {
		return new OpenAiException(HttpStatus.BAD_REQUEST,
				OpenAiError.of(message, OpenAiErrors.INVALID_REQUEST, param, "invalid_value"));
	}

	/** A model, or a preset named as one, that the caller has none of: a 404. */
	static OpenAiException modelNotFound(String message) {
		return new OpenAiException(HttpStatus.NOT_FOUND,
				OpenAiError.of(message, OpenAiErrors.type(HttpStatus.NOT_FOUND), "model", "model_not_found"));
	}

	HttpStatus status() {
		return this.status;
	}

	OpenAiError error() {
		return this.error;
	}

}
