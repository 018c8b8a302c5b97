package dev.ponder.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

import dev.ponder.account.AccountRejectedException;

/**
 * Pages treat a malformed id like an unknown one: the 404 page, not a 400 about types.
 */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

	@ExceptionHandler(AccountRejectedException.class)
	void accountRejected(AccountRejectedException ex) {
		throw new ResponseStatusException(ex.status(), ex.getMessage());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	void malformedId(MethodArgumentTypeMismatchException ex) {
		throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Nothing has the id '" + ex.getValue() + "'.");
	}

}
