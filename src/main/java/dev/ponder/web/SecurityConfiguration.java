package dev.ponder.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.RememberMeServices;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.rememberme.RememberMeAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import dev.ponder.account.AccountProperties;
import dev.ponder.account.AccountSecurity;
import dev.ponder.account.SingleSignOnSecurity;
import dev.ponder.openai.OpenAiSecurityRefusals;

/**
 * Who may do what, strict headers and CSRF protection.
 * <p>
 * With accounts on (the default), everything but the log-in, set-up and sign-up pages,
 * static files and the health probes needs a logged-in person: browsers log in with the
 * form and a session, scripts send a personal access token or HTTP Basic and get problem
 * details, never a redirect. The administration pages and API and Actuator (but health)
 * are for administrators. With accounts off, everything is open to whoever reaches the
 * port, which is why forged cross-site requests must still be refused.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SecurityConfiguration.class);

	/**
	 * Scripts only (no inline scripts anywhere); styles may be inline because KaTeX
	 * positions math with style attributes; images only from here, data URLs or blob URLs
	 * (the preview of a file picked for upload, made in the page), so model output cannot
	 * make the browser call out (tracking pixels, exfiltration through image URLs).
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

	/** The OpenAI-compatible API: its refusals are in OpenAI's shape. */
	private static final RequestMatcher OPENAI_PATHS = PATHS.matcher("/v1/**");

	/** Where scripts talk: these answer 401 problem details instead of a log-in page. */
	private static final RequestMatcher MACHINE_PATHS = new OrRequestMatcher(PATHS.matcher("/api/**"),
			PATHS.matcher("/actuator/**"), OPENAI_PATHS);

	/** Scripts, styles and images: the same for everyone. */
	private static final RequestMatcher STATIC_FILES = new OrRequestMatcher(PATHS.matcher("/css/**"),
			PATHS.matcher("/js/**"), PATHS.matcher("/webjars/**"), PATHS.matcher("/favicon.svg"));

	/**
	 * Static files with the same headers, but without a look at the session: it lives in
	 * the database, and a page pulls some thirty files.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain staticFiles(HttpSecurity http) throws Exception {
		return http.securityMatcher(STATIC_FILES)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.securityContext(
					(context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable())
			.headers(SecurityConfiguration::strictHeaders)
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain securityFilterChain(HttpSecurity http, JsonMapper jsonMapper, AccountProperties properties,
			AccountSecurity accounts, SingleSignOnSecurity singleSignOn) throws Exception {
		http.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(new BrowserStateChange(properties.accountsOn())))
			// Scripts get problem details, pages the error page (with one handler only,
			// Spring Security would use it for every path).
			.exceptionHandling((exceptions) -> exceptions
				.defaultAccessDeniedHandlerFor(new OpenAiSecurityRefusals(jsonMapper), OPENAI_PATHS)
				.defaultAccessDeniedHandlerFor(new ProblemAccessDeniedHandler(jsonMapper), MACHINE_PATHS)
				.defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), PATHS.matcher("/**")))
			.headers(SecurityConfiguration::strictHeaders);
		if (!properties.accountsOn()) {
			logger.warn("Accounts are off (PONDER_AUTH=none): whoever reaches this port can read and write every "
					+ "conversation. Use it only on a machine that you alone use.");
			http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.addFilterBefore(new LocalHostsOnly(properties.allowedHosts()), CsrfFilter.class);
			return http.build();
		}
		withAccounts(http, jsonMapper, accounts, singleSignOn);
		return http.build();
	}

	/**
	 * Writes the headers before the request is handled, not as it ends: an answer's
	 * stream commits the response from another thread while the request's own thread
	 * leaves the filters, and two threads writing Tomcat's headers at once corrupt them
	 * (seen as a NullPointerException and a dropped stream under load).
	 */
	private static final ObjectPostProcessor<HeaderWriterFilter> HEADERS_FIRST = new ObjectPostProcessor<>() {

		@Override
		public <O extends HeaderWriterFilter> O postProcess(O filter) {
			filter.setShouldWriteHeadersEagerly(true);
			return filter;
		}

	};

	private static void withAccounts(HttpSecurity http, JsonMapper jsonMapper, AccountSecurity accounts,
			SingleSignOnSecurity singleSignOn) throws Exception {
		AuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint(jsonMapper, accounts::setUpNeeded);
		RememberMeServices rememberMe = accounts.rememberMe();
		SavedRequestAwareAuthenticationSuccessHandler toWhereTheyWere = new SavedRequestAwareAuthenticationSuccessHandler();
		http.authenticationManager(singleSignOn.around(accounts.passwordLogin()))
			.requestCache((cache) -> cache.requestCache(pagesToReturnTo()))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/login", "/setup", "/signup", "/error", "/actuator/health", "/actuator/health/**")
				.permitAll()
				// A share link is read by whoever holds it, with an account or without.
				.requestMatchers(HttpMethod.GET, "/s/**")
				.permitAll()
				.requestMatchers("/admin/**", "/api/admin/**", "/actuator/**")
				.hasRole("ADMIN")
				// The relay's prompt, and asking every endpoint for its models and the
				// key's status again, are the whole instance's.
				.requestMatchers(HttpMethod.PUT, "/api/settings/relay")
				.hasRole("ADMIN")
				.requestMatchers(HttpMethod.POST, "/settings/relay", "/settings/refresh", "/api/models/refresh")
				.hasRole("ADMIN")
				.anyRequest()
				.authenticated())
			.formLogin((form) -> form.loginPage("/login")
				.failureHandler(accounts.loginFailure())
				.successHandler((request, response, authentication) -> {
					accounts.loggedIn(authentication);
					toWhereTheyWere.onAuthenticationSuccess(request, response, authentication);
				}))
			.httpBasic((basic) -> basic
				.authenticationEntryPoint(new ByPath(OPENAI_PATHS, new OpenAiSecurityRefusals(jsonMapper), problems)))
			.rememberMe((remember) -> remember.rememberMeServices(rememberMe))
			.logout((logout) -> singleSignOn.configure(logout.logoutSuccessUrl("/login?logout")))
			.addFilterBefore(
					accounts
						.accessTokenFilter(new ByPath(OPENAI_PATHS, new OpenAiSecurityRefusals(jsonMapper), problems)),
					BasicAuthenticationFilter.class)
			.addFilterAfter(accounts.currentAccountFilter(), RememberMeAuthenticationFilter.class)
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(new OpenAiSecurityRefusals(jsonMapper), OPENAI_PATHS)
				.defaultAuthenticationEntryPointFor(problems, MACHINE_PATHS)
				.defaultAuthenticationEntryPointFor(new LoginPageEntryPoint(accounts::setUpNeeded),
						PATHS.matcher("/**")));
		// Single sign-on, when PONDER_OIDC_ISSUER_URI is set: its own paths
		// (/oauth2/authorization/oidc, /login/oauth2/code/oidc) are handled before
		// anyone is asked to be logged in.
		singleSignOn.configure(http);
		Optional<String> provider = singleSignOn.providerOrigin();
		if (provider.isPresent()) {
			String policy = CONTENT_SECURITY_POLICY.replace("form-action 'self'",
					"form-action 'self' " + provider.get());
			http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(policy)));
		}
	}

	private static void strictHeaders(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.frameOptions((frame) -> frame.deny())
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.permissionsPolicyHeader(
					(permissions) -> permissions.policy("camera=(), microphone=(), geolocation=(), payment=(), usb=()"))
			.addObjectPostProcessor(HEADERS_FIRST);
	}

	/**
	 * After logging in, a person goes back to the page they asked for: only pages, and
	 * without the {@code ?continue} that would otherwise stay in the address bar.
	 */
	private static RequestCache pagesToReturnTo() {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		cache.setMatchingRequestParameterName(null);
		cache.setRequestMatcher(
				new AndRequestMatcher(PATHS.matcher(HttpMethod.GET, "/**"), new NegatedRequestMatcher(MACHINE_PATHS)));
		return cache;
	}

	/** A wrong token on the OpenAI-compatible API is refused in OpenAI's shape. */
	private record ByPath(RequestMatcher paths, AuthenticationEntryPoint there,
			AuthenticationEntryPoint elsewhere) implements AuthenticationEntryPoint {

		@Override
		public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
				throws IOException, ServletException {
			(this.paths.matches(request) ? this.there : this.elsewhere).commence(request, response, failure);
		}

	}

	/**
	 * CSRF tokens are required on every state-changing request a browser could be made to
	 * send. With accounts, that is every one but API calls carrying an
	 * {@code Authorization} header (a token or HTTP Basic), which no page can make a
	 * browser add to a cross-site request. With accounts off, scripts send no credentials
	 * at all: API calls need a token only when they carry an {@code Origin} or
	 * {@code Sec-Fetch-Site} header, which browsers add and cannot be kept from adding.
	 */
	static final class BrowserStateChange implements RequestMatcher {

		private final RequestMatcher api = new OrRequestMatcher(PATHS.matcher("/api/**"), OPENAI_PATHS);

		private final boolean accountsOn;

		BrowserStateChange(boolean accountsOn) {
			this.accountsOn = accountsOn;
		}

		@Override
		public boolean matches(HttpServletRequest request) {
			if (!CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)) {
				return false;
			}
			if (!this.api.matches(request)) {
				return true;
			}
			if (this.accountsOn) {
				// Without cookies there is no session to ride on: a script that forgot
				// its
				// credentials is told to log in (401), not to fetch a CSRF token.
				return request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.getHeader("Cookie") != null;
			}
			return request.getHeader("Origin") != null || request.getHeader("Sec-Fetch-Site") != null;
		}

	}

}
