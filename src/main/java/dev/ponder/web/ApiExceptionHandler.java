package dev.ponder.web;

import java.io.IOException;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.ponder.problem.ErrorCode;
import dev.ponder.problem.ProblemException;

/**
 * Turns every failure of the JSON API into RFC 9457 problem details with a sentence a
 * person can act on and a {@code code}; never a stack trace. Our own
 * {@link ProblemException}s are Spring's {@code ErrorResponse}s and take Spring's path
 * with their problem details as they are; Spring's own refusals get the code of their
 * status on the way out.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	/** A malformed id names nothing that exists, just like an unknown one. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail malformedId(MethodArgumentTypeMismatchException ex) {
		return ErrorCode.NOT_FOUND.problem("Nothing has the id '" + ex.getValue() + "'.");
	}

	/**
	 * What Ponder did not foresee: logged here with its trace, answered with a plain
	 * sentence (an exception's message may hold internals). A stream that has begun
	 * cannot turn into a problem any more, so its failure goes on to Spring.
	 */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unforeseen(Exception ex, HttpServletResponse response) throws Exception {
		if (response.isCommitted()) {
			throw ex;
		}
		logger.error("An API call failed unexpectedly", ex);
		return ResponseEntity.internalServerError()
			.body(ErrorCode.INTERNAL_ERROR
				.problem("Ponder hit an unexpected error. Try again; if it keeps happening, its log says why."));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = ex.getBindingResult()
			.getAllErrors()
			.stream()
			.map((error) -> (error instanceof FieldError field && field.getDefaultMessage() == null)
					? field.getField() + " is invalid." : error.getDefaultMessage())
			.distinct()
			.sorted()
			.collect(Collectors.joining(" "));
		return invalid(detail);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = ex.getAllErrors()
			.stream()
			.map((error) -> error.getDefaultMessage())
			.distinct()
			.collect(Collectors.joining(" "));
		return invalid(detail);
	}

	/** Spring's own sentence ("Failed to read request") tells a script nothing. */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid("The request's body could not be read: it is missing, not JSON, or a value in it has the "
				+ "wrong type.");
	}

	/** Every problem leaves with a {@code code}, Spring's own refusals too. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, status, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem
				&& (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
			ErrorCode.forStatus(response.getStatusCode()).describe(problem);
		}
		return response;
	}

	private static ResponseEntity<Object> invalid(String detail) {
		return ResponseEntity.badRequest().body(ErrorCode.INVALID_REQUEST.problem(detail));
	}

	/**
	 * Writes problem details straight to the response, for the refusals that Spring
	 * Security answers before any controller runs.
	 */
	static void send(HttpServletResponse response, ProblemDetail problem, JsonMapper jsonMapper) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		jsonMapper.writeValue(response.getOutputStream(), problem);
	}

}
