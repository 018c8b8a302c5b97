package dev.ponder.openai;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DatabindException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.ponder.problem.ErrorCode;
import dev.ponder.problem.ProblemException;

/**
 * Every refusal of the OpenAI-compatible API in OpenAI's shape, so that its clients raise
 * their own exceptions with Ponder's sentence: Ponder's own errors keep their code,
 * Spring's refusals get their status's.
 */
@RestControllerAdvice(assignableTypes = OpenAiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OpenAiExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(OpenAiExceptionHandler.class);

	@ExceptionHandler(OpenAiException.class)
	ResponseEntity<OpenAiError> refused(OpenAiException ex) {
		return ResponseEntity.status(ex.status()).body(ex.error());
	}

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<OpenAiError> problem(ProblemException ex) {
		return refused(OpenAiErrors.of(ex.errorCode().code(), ex.getMessage()));
	}

	/**
	 * A body that is not JSON, or a field of the wrong type, named where Jackson says.
	 */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<OpenAiError> unreadable(HttpMessageNotReadableException ex) {
		String param = (ex.getCause() instanceof DatabindException databind) ? param(databind) : null;
		String message = (param != null) ? param + " has the wrong type."
				: "The request's body could not be read as " + "JSON: send a JSON object with model and messages.";
		return refused(OpenAiException.invalid(param, message));
	}

	/**
	 * Spring's own refusals (a method not allowed, a content type not taken…) at their
	 * status; anything else unforeseen, logged here, answered with a plain sentence.
	 */
	@ExceptionHandler(Exception.class)
	ResponseEntity<OpenAiError> unforeseen(Exception ex) {
		if (ex instanceof ErrorResponse refusal) {
			HttpStatus status = HttpStatus.valueOf(refusal.getStatusCode().value());
			ErrorCode code = ErrorCode.forStatus(status);
			String detail = refusal.getBody().getDetail();
			return ResponseEntity.status(status)
				.body(OpenAiError.of((detail != null) ? detail : code.title() + ".", OpenAiErrors.type(status), null,
						code.code()));
		}
		logger.error("A call to the OpenAI-compatible API failed unexpectedly", ex);
		return refused(OpenAiErrors.of(ErrorCode.INTERNAL_ERROR.code(),
				"Ponder hit an unexpected error. Try again; if it keeps happening, its log says why."));
	}

	private static String param(DatabindException ex) {
		StringBuilder path = new StringBuilder();
		for (var reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append((path.length() > 0) ? "." : "").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return (path.length() > 0) ? path.toString() : null;
	}

}
