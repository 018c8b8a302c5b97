package dev.ponder.account;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.RememberMeAuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.RememberMeServices;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.authentication.rememberme.AbstractRememberMeServices;
import org.springframework.security.web.authentication.rememberme.TokenBasedRememberMeServices;
import org.springframework.security.web.authentication.rememberme.TokenBasedRememberMeServices.RememberMeTokenAlgorithm;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.ponder.settings.AppSettings;

/**
 * The parts of Spring Security that know about accounts, for the security configuration
 * to put together: password and token log-in, remember-me, and the check that a session's
 * account is still enabled.
 */
@Component
public class AccountSecurity {

	public static final String REMEMBER_ME_COOKIE = "ponder-remember-me";

	/** The session attribute that keeps the username of a failed log-in for the form. */
	static final String LAST_USERNAME = AccountSecurity.class.getName() + ".LAST_USERNAME";

	private static final Duration REMEMBER_FOR = Duration.ofDays(30);

	private final AccountDetailsService details;

	private final AccountService accounts;

	private final AccessTokenService tokens;

	private final PasswordEncoder passwordEncoder;

	private final VerifiedPasswords verifiedPasswords;

	private final LoginThrottle throttle;

	private final AppSettings settings;

	private final SessionLogin sessionLogin;

	AccountSecurity(AccountDetailsService details, AccountService accounts, AccessTokenService tokens,
			PasswordEncoder passwordEncoder, LoginThrottle throttle, AppSettings settings, SessionLogin sessionLogin,
			Clock clock) {
		this.sessionLogin = sessionLogin;
		this.details = details;
		this.accounts = accounts;
		this.tokens = tokens;
		this.passwordEncoder = passwordEncoder;
		this.verifiedPasswords = new VerifiedPasswords(clock);
		this.throttle = throttle;
		this.settings = settings;
	}

	/**
	 * Username and password, from the log-in form or HTTP Basic, throttled; and the
	 * remember-me cookie. A password that matched is remembered for a few minutes
	 * ({@link RememberingPasswordLogin}): scripts using HTTP Basic send it on every
	 * request, and bcrypt costs 50–100 ms of CPU each time.
	 */
	public AuthenticationManager passwordLogin() {
		DaoAuthenticationProvider provider = new RememberingPasswordLogin(this.details, this.verifiedPasswords);
		provider.setPasswordEncoder(this.passwordEncoder);
		provider.setUserDetailsPasswordService(this.details);
		// Whether an account is disabled is told only to someone who knows its password:
		// otherwise a guess at a username would learn that it exists.
		UserDetailsChecker statusChecks = new AccountStatusChecks();
		provider.setPreAuthenticationChecks((user) -> {
		});
		provider.setPostAuthenticationChecks(statusChecks);
		return new ProviderManager(new ThrottledPasswordLogin(provider, this.throttle),
				new RememberMeAuthenticationProvider(this.settings.rememberMeKey()));
	}

	/**
	 * {@code Authorization: Bearer <token>} on any request; a wrong token is answered by
	 * {@code entryPoint} at once, never passed on as anonymous.
	 */
	public Filter accessTokenFilter(AuthenticationEntryPoint entryPoint) {
		AccessTokenLogin login = new AccessTokenLogin(this.tokens);
		AuthenticationFilter filter = new AuthenticationFilter(new ProviderManager(login), login);
		filter.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
		filter.setSuccessHandler((request, response, authentication) -> {
		});
		filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(entryPoint));
		return filter;
	}

	/**
	 * Signed cookies that keep a person logged in for 30 days; changing the password, or
	 * logging out everywhere, makes them worthless.
	 */
	public RememberMeServices rememberMe() {
		TokenBasedRememberMeServices services = new SessionEpochRememberMe(this.settings.rememberMeKey(), this.details,
				this.accounts::sessionEpochOf);
		services.setMatchingAlgorithm(RememberMeTokenAlgorithm.SHA256);
		services.setCookieName(REMEMBER_ME_COOKIE);
		services.setParameter(AbstractRememberMeServices.DEFAULT_PARAMETER);
		services.setTokenValiditySeconds((int) REMEMBER_FOR.toSeconds());
		services.setCookieCustomizer((cookie) -> cookie.setAttribute("SameSite", "Lax"));
		return services;
	}

	/**
	 * Keeps a session in step with its account, on whichever instance it lands (the check
	 * is one primary-key read): it ends when the account was disabled or its password
	 * changed since, and follows a change of administration at once.
	 */
	public Filter currentAccountFilter() {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
				// Without a session, the account was read during this very request (a
				// token, HTTP Basic): scripts pay for no second read.
				if (request.getSession(false) != null && authentication != null
						&& authentication.getPrincipal() instanceof AccountPrincipal principal) {
					Optional<AccountPrincipal> now = AccountSecurity.this.accounts.current(principal.id());
					if (now.isEmpty() || !now.get().isEnabled() || !now.get().sameSessions(principal)) {
						new SecurityContextLogoutHandler().logout(request, response, authentication);
					}
					else if (now.get().admin() != principal.admin()) {
						AccountSecurity.this.sessionLogin.replace(now.get(), request, response);
					}
				}
				chain.doFilter(request, response);
			}

		};
	}

	/**
	 * Back to the log-in page with what went wrong and the username as typed, so that
	 * only the password needs typing again.
	 */
	public AuthenticationFailureHandler loginFailure() {
		SimpleUrlAuthenticationFailureHandler backToLogIn = new SimpleUrlAuthenticationFailureHandler("/login?error");
		return (request, response, failure) -> {
			String typed = request.getParameter("username");
			if (typed != null) {
				String username = typed.strip();
				request.getSession()
					.setAttribute(LAST_USERNAME, username.substring(0, Math.min(username.length(), 64)));
			}
			backToLogIn.onAuthenticationFailure(request, response, failure);
		};
	}

	/** Whether the instance still waits for its first administrator. */
	public boolean setUpNeeded() {
		return this.accounts.setUpNeeded();
	}

	/** Records a log-in through the form. */
	public void loggedIn(Authentication authentication) {
		if (authentication.getPrincipal() instanceof AccountPrincipal principal) {
			this.accounts.recordLogin(principal.id());
		}
	}

}
