package dev.ponder.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import dev.ponder.problem.ErrorCode;

/**
 * Answers API calls that reach no controller (no such path, or a method or media type the
 * path does not take) with problem details like every other API error. Spring refuses
 * these before a controller is chosen, so {@link ApiExceptionHandler}, which serves the
 * API's controllers, never sees them; outside {@code /api/} the error page answers.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnroutedApiRequests {

	@ExceptionHandler({ NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
			HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class })
	ResponseEntity<ProblemDetail> unrouted(Exception ex, HttpServletRequest request) throws Exception {
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				|| !(ex instanceof ErrorResponse refusal)) {
			throw ex;
		}
		ProblemDetail problem = refusal.getBody();
		ErrorCode.forStatus(refusal.getStatusCode()).describe(problem);
		return ResponseEntity.status(refusal.getStatusCode()).headers(refusal.getHeaders()).body(problem);
	}

}
