package dev.ponder.openai;

import org.springframework.http.HttpStatus;

import dev.ponder.problem.ErrorCode;

/**
 * Ponder's errors as OpenAI's clients expect them: the status their retry and exception
 * classes key on, OpenAI's {@code type}, and Ponder's own code and sentence.
 */
final class OpenAiErrors {

	static final String INVALID_REQUEST = "invalid_request_error";

	private OpenAiErrors() {
	}

	/**
	 * The status a client of OpenAI's API reads this error by: mostly Ponder's own, but a
	 * rate limit is a 429 (the clients wait and try again), running out of credits a 402
	 * (they do not), a request the model's server refused (moderation, an unknown model)
	 * a 400, a timeout a 504.
	 */
	static HttpStatus status(ErrorCode code) {
		return switch (code) {
			case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
			case OUT_OF_CREDITS -> HttpStatus.PAYMENT_REQUIRED;
			case MODERATED, BAD_REQUEST -> HttpStatus.BAD_REQUEST;
			case TIMED_OUT -> HttpStatus.GATEWAY_TIMEOUT;
			default -> code.status();
		};
	}

	/**
	 * OpenAI's kind of error for a status; a 401 is an {@code invalid_request_error}, as
	 * OpenAI's own wrong key is.
	 */
	static String type(HttpStatus status) {
		return switch (status.value()) {
			case 402 -> "insufficient_quota";
			case 403 -> "permission_error";
			case 404 -> "not_found_error";
			case 429 -> "rate_limit_error";
			default -> status.is4xxClientError() ? INVALID_REQUEST : "api_error";
		};
	}

	/** A Ponder error code and sentence, as OpenAI's clients read errors. */
	static OpenAiException of(String code, String message) {
		ErrorCode known = ErrorCode.of(code).orElse(ErrorCode.INTERNAL_ERROR);
		HttpStatus status = status(known);
		return new OpenAiException(status, OpenAiError.of(message, type(status), null, code));
	}

}
