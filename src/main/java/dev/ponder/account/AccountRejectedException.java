package dev.ponder.account;

import org.springframework.http.HttpStatus;

/**
 * An account, password or token that cannot be made as asked, with a sentence that says
 * why; the API answers it as problem details, pages show it beside the form.
 */
public class AccountRejectedException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	AccountRejectedException(HttpStatus status, String code, String message) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
	}

	static AccountRejectedException invalid(String message) {
		return new AccountRejectedException(HttpStatus.BAD_REQUEST, "invalid_request", message);
	}

	static AccountRejectedException usernameTaken(String username) {
		return new AccountRejectedException(HttpStatus.CONFLICT, "username_taken",
				"The username \"" + username + "\" is taken.");
	}

	static AccountRejectedException notFound(String message) {
		return new AccountRejectedException(HttpStatus.NOT_FOUND, "not_found", message);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

}
