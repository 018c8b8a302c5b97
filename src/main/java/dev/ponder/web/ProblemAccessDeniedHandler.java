package dev.ponder.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import dev.ponder.problem.ErrorCode;

/**
 * Answers a refused API call with problem details, like every other API error, instead of
 * the HTML error page that browsers get.
 */
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

	private final JsonMapper jsonMapper;

	ProblemAccessDeniedHandler(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		ProblemDetail problem = (denied instanceof CsrfException)
				? ErrorCode.CSRF_TOKEN_MISSING
					.problem("A browser request needs the page's CSRF token (header X-CSRF-TOKEN); reload the page.")
				: ErrorCode.FORBIDDEN.problem("You may not do this.");
		ApiExceptionHandler.send(response, problem, this.jsonMapper);
	}

}
