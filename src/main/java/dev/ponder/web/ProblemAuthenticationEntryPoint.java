package dev.ponder.web;

import java.io.IOException;
import java.util.function.BooleanSupplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import dev.ponder.account.LoginThrottledException;
import dev.ponder.problem.ErrorCode;

/**
 * Answers a script that is not logged in with problem details: never a log-in page, never
 * a redirect. Only a Bearer challenge is sent: a Basic one would make browsers pop up
 * their own password dialog over the app.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final JsonMapper jsonMapper;

	private final BooleanSupplier setUpNeeded;

	ProblemAuthenticationEntryPoint(JsonMapper jsonMapper, BooleanSupplier setUpNeeded) {
		this.jsonMapper = jsonMapper;
		this.setUpNeeded = setUpNeeded;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		ProblemDetail problem;
		if (failure instanceof LoginThrottledException throttled) {
			problem = ErrorCode.TOO_MANY_LOG_INS.problem(throttled.getMessage());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
		}
		else if (failure instanceof DisabledException) {
			problem = ErrorCode.ACCOUNT_DISABLED.problem(failure.getMessage());
		}
		else if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
			problem = ErrorCode.BAD_CREDENTIALS
				.problem("The credentials were not accepted: the username and password are wrong, or the access "
						+ "token is unknown or revoked.");
		}
		else if (this.setUpNeeded.getAsBoolean()) {
			problem = ErrorCode.NOT_SET_UP
				.problem("This Ponder has no accounts yet: open it in a browser to create the administrator, or set "
						+ "PONDER_ADMIN_USERNAME and PONDER_ADMIN_PASSWORD.");
		}
		else {
			problem = ErrorCode.UNAUTHENTICATED
				.problem("Log in first: send a personal access token (Authorization: Bearer …) or your username and "
						+ "password (HTTP Basic).");
		}
		if (problem.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Ponder\"");
		}
		ApiExceptionHandler.send(response, problem, this.jsonMapper);
	}

}
