package dev.ponder.web;

import jakarta.servlet.http.HttpServletRequest;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Strict headers and CSRF protection. There are no accounts yet: everything is open to
 * whoever reaches the port, which is why forged cross-site requests must still be
 * refused.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	/**
	 * Scripts only (no inline scripts anywhere); styles may be inline because KaTeX
	 * positions math with style attributes; images only from here or data URLs, so model
	 * output cannot make the browser call out (tracking pixels, exfiltration through
	 * image URLs).
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, JsonMapper jsonMapper) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(new BrowserStateChange()))
			.exceptionHandling(
					(exceptions) -> exceptions.defaultAccessDeniedHandlerFor(new ProblemAccessDeniedHandler(jsonMapper),
							PathPatternRequestMatcher.withDefaults().matcher("/api/**")))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions((frame) -> frame.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.permissionsPolicyHeader((permissions) -> permissions
					.policy("camera=(), microphone=(), geolocation=(), payment=(), usb=()")));
		return http.build();
	}

	/**
	 * CSRF tokens are required on every state-changing request a browser makes: all form
	 * posts, and API calls carrying an {@code Origin} or {@code Sec-Fetch-Site} header,
	 * which browsers add and cannot be kept from adding. Scripts (curl, SDKs) send
	 * neither and need no token.
	 */
	static final class BrowserStateChange implements RequestMatcher {

		private final RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

		@Override
		public boolean matches(HttpServletRequest request) {
			if (!CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)) {
				return false;
			}
			return !this.api.matches(request) || request.getHeader("Origin") != null
					|| request.getHeader("Sec-Fetch-Site") != null;
		}

	}

}
