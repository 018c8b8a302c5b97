package dev.ponder.openai;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * What Spring Security refuses on {@code /v1}, before any controller runs, in OpenAI's
 * shape: a missing or wrong token is a 401 {@code invalid_api_key}, as OpenAI's clients
 * expect, with a Bearer challenge.
 */
public class OpenAiSecurityRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper jsonMapper;

	public OpenAiSecurityRefusals(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		String message;
		String code = "invalid_api_key";
		if (failure instanceof DisabledException) {
			message = "The access token's account is disabled.";
			code = "account_disabled";
		}
		else if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
			message = "The access token is unknown, revoked or of a disabled account: make one on Ponder's settings "
					+ "page and send it as Authorization: Bearer pnd_….";
		}
		else {
			message = "No access token was sent: make one on Ponder's settings page and send it as "
					+ "Authorization: Bearer pnd_… (the api key of OpenAI's clients).";
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Ponder\"");
		send(response, HttpStatus.UNAUTHORIZED, OpenAiError.of(message, OpenAiErrors.INVALID_REQUEST, null, code));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		send(response, HttpStatus.FORBIDDEN,
				OpenAiError.of(
						"This call is not allowed here: a browser's call needs the page's CSRF token, a "
								+ "script's an access token.",
						OpenAiErrors.type(HttpStatus.FORBIDDEN), null, "forbidden"));
	}

	private void send(HttpServletResponse response, HttpStatus status, OpenAiError error) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		this.jsonMapper.writeValue(response.getOutputStream(), error);
	}

}
