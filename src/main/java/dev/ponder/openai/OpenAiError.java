package dev.ponder.openai;

/**
 * An error as OpenAI's API writes it, so that its clients raise it as theirs:
 * {@code {"error": {"message", "type", "param", "code"}}}.
 *
 * @param error what went wrong
 */
public record OpenAiError(Detail error) {

	/**
	 * @param message a sentence a person can act on
	 * @param type OpenAI's kind of error, e.g. {@code invalid_request_error}
	 * @param param the request's field at fault, or {@code null}
	 * @param code a stable code: Ponder's own (see docs/api.md), or OpenAI's where one
	 * fits ({@code invalid_api_key}, {@code model_not_found})
	 */
	public record Detail(String message, String type, String param, String code) {
	}

	static OpenAiError of(String message, String type, String param, String code) {
		return new OpenAiError(new Detail(message, type, param, code));
	}

}
