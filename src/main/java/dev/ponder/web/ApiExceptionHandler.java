package dev.ponder.web;

import java.io.IOException;
import java.net.URI;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.ponder.account.AccountRejectedException;
import dev.ponder.chat.MissingModelException;
import dev.ponder.conversation.ImportRejectedException;
import dev.ponder.conversation.NotFoundException;
import dev.ponder.upstream.UnknownEndpointException;
import dev.ponder.upstream.UpstreamException;

/**
 * Turns every failure of the JSON API into RFC 9457 problem details with a sentence a
 * person can act on; never a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage(), "not_found");
	}

	/** A malformed id names nothing that exists, just like an unknown one. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail malformedId(MethodArgumentTypeMismatchException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", "Nothing has the id '" + ex.getValue() + "'.", "not_found");
	}

	@ExceptionHandler(AccountRejectedException.class)
	ResponseEntity<ProblemDetail> accountRejected(AccountRejectedException ex) {
		String title = switch (ex.status()) {
			case NOT_FOUND -> "Not found";
			case CONFLICT -> "Conflict";
			default -> "The request is invalid";
		};
		return ResponseEntity.status(ex.status()).body(problem(ex.status(), title, ex.getMessage(), ex.code()));
	}

	@ExceptionHandler(ImportRejectedException.class)
	ProblemDetail importRejected(ImportRejectedException ex) {
		return problem(HttpStatus.BAD_REQUEST, "The file cannot be imported", ex.getMessage(), "import_rejected");
	}

	@ExceptionHandler(UnknownEndpointException.class)
	ProblemDetail unknownEndpoint(UnknownEndpointException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Unknown endpoint", ex.getMessage(), "unknown_endpoint");
	}

	@ExceptionHandler(MissingModelException.class)
	ProblemDetail missingModel(MissingModelException ex) {
		return problem(HttpStatus.BAD_REQUEST, "The request is invalid", ex.getMessage(), "invalid_request");
	}

	@ExceptionHandler(UpstreamException.class)
	ResponseEntity<ProblemDetail> upstream(UpstreamException ex) {
		HttpStatus status = (ex instanceof UpstreamException.MissingKey) ? HttpStatus.SERVICE_UNAVAILABLE
				: HttpStatus.BAD_GATEWAY;
		ProblemDetail problem = problem(status, "The model could not answer", ex.getMessage(), ex.code());
		problem.setProperty("retryable", ex.retryable());
		return ResponseEntity.status(status).body(problem);
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
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, "The request is invalid", detail, "invalid_request"));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = ex.getAllErrors()
			.stream()
			.map((error) -> error.getDefaultMessage())
			.distinct()
			.collect(Collectors.joining(" "));
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, "The request is invalid", detail, "invalid_request"));
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

	static ProblemDetail problem(HttpStatus status, String title, String detail, String code) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("https://ponder.dev/problems/" + code.replace('_', '-')));
		problem.setProperty("code", code);
		return problem;
	}

}
