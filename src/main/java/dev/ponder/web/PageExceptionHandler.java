package dev.ponder.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Pages treat a malformed id like an unknown one: the 404 page, not a 400 about types.
 * Our own exceptions need nothing here: as Spring's {@code ErrorResponse}s they reach the
 * error page at their status.
 */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	void malformedId(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

}
