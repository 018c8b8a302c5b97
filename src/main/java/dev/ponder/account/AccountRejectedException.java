package dev.ponder.account;

import dev.ponder.problem.ErrorCode;
import dev.ponder.problem.ProblemException;

/**
 * An account, password or token that cannot be made as asked, with a sentence that says
 * why; the API answers it as problem details, pages show it beside the form.
 */
public class AccountRejectedException extends ProblemException {

	AccountRejectedException(ErrorCode code, String message) {
		super(code, message);
	}

	static AccountRejectedException invalid(String message) {
		return new AccountRejectedException(ErrorCode.INVALID_REQUEST, message);
	}

	static AccountRejectedException usernameTaken(String username) {
		return new AccountRejectedException(ErrorCode.USERNAME_TAKEN, "The username \"" + username + "\" is taken.");
	}

	static AccountRejectedException notFound(String message) {
		return new AccountRejectedException(ErrorCode.NOT_FOUND, message);
	}

}
