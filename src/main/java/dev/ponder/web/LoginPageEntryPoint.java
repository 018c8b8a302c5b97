package dev.ponder.web;

import java.io.IOException;
import java.util.function.BooleanSupplier;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Sends a browser that is not logged in to the log-in page, or, on an instance with no
 * accounts yet, to the page that creates the administrator.
 */
class LoginPageEntryPoint implements AuthenticationEntryPoint {

	private final AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");

	private final AuthenticationEntryPoint setUp = new LoginUrlAuthenticationEntryPoint("/setup");

	private final BooleanSupplier setUpNeeded;

	LoginPageEntryPoint(BooleanSupplier setUpNeeded) {
		this.setUpNeeded = setUpNeeded;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException, ServletException {
		(this.setUpNeeded.getAsBoolean() ? this.setUp : this.login).commence(request, response, failure);
	}

}
