package dev.ponder.problem;

import org.springframework.web.ErrorResponseException;

/**
 * A failure that Ponder foresaw, with its {@link ErrorCode} and a sentence a person can
 * act on. Every exception of ours extends it: the API answers it as problem details,
 * pages with their error page at its status, and a failed answer stores its code and
 * sentence.
 */
public class ProblemException extends ErrorResponseException {

	private final ErrorCode errorCode;

	public ProblemException(ErrorCode errorCode, String detail) {
		this(errorCode, detail, null);
	}

	public ProblemException(ErrorCode errorCode, String detail, Throwable cause) {
		super(errorCode.status(), errorCode.problem(detail), cause);
		this.errorCode = errorCode;
	}

	public ErrorCode errorCode() {
		return this.errorCode;
	}

	/** The sentence for people, the problem's {@code detail}. */
	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

	/**
	 * These are answers, not bugs: a stack trace would only cost its making (an upstream
	 * that refuses every request makes many of them).
	 */
	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

}
