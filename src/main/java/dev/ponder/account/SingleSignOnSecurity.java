package dev.ponder.account;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.LogoutConfigurer;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.util.UrlUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

import dev.ponder.account.SingleSignOnAccounts.SignedInIdentity;

/**
 * Single sign-on as Spring Security's OAuth2 client does it (redirect, code exchange,
 * ID-token validation), ending in the same session a password log-in makes: an
 * {@link AccountPrincipal} with its session stamp, so that everything that checks
 * sessions keeps working. The state and nonce wait in the session, which every instance
 * shares, so the provider may send the person back to any of them.
 */
@Component
public class SingleSignOnSecurity {

	/** Where the log-in page's button goes (a plain link: see the log-in template). */
	public static final String START = "/oauth2/authorization/" + OidcProperties.REGISTRATION_ID;

	/** The claim whose values name a person's groups. */
	static final String GROUPS = "groups";

	/**
	 * The ID token of the sign-in, for the provider's log-out ({@code id_token_hint}).
	 */
	private static final String ID_TOKEN = SingleSignOnSecurity.class.getName() + ".ID_TOKEN";

	private static final Logger logger = LoggerFactory.getLogger(SingleSignOnSecurity.class);

	private final SingleSignOn singleSignOn;

	private final SingleSignOnAccounts accounts;

	private final SessionLogin sessionLogin;

	SingleSignOnSecurity(SingleSignOn singleSignOn, SingleSignOnAccounts accounts, SessionLogin sessionLogin) {
		this.singleSignOn = singleSignOn;
		this.accounts = accounts;
		this.sessionLogin = sessionLogin;
	}

	public boolean enabled() {
		return this.singleSignOn.enabled();
	}

	/**
	 * The provider's origin ({@code https://id.example.org}), which the log-out form's
	 * redirect must be let through to: Chromium applies the CSP's {@code form-action} to
	 * every redirect that follows a form's submission. Signing in needs no such
	 * exception: it starts from a plain link.
	 */
	public Optional<String> providerOrigin() {
		if (!enabled()) {
			return Optional.empty();
		}
		URI issuer = URI.create(this.singleSignOn.issuerUri());
		return Optional.of(issuer.getScheme() + "://" + issuer.getRawAuthority());
	}

	/**
	 * The log-in form's manager, and the provider's code exchange and ID-token check
	 * beside it: the security configuration names one manager for everything, which would
	 * otherwise leave Spring's OAuth2 log-in without its own.
	 */
	public AuthenticationManager around(AuthenticationManager passwordLogin) {
		if (!enabled()) {
			return passwordLogin;
		}
		AuthenticationManager codeExchange = new ProviderManager(new OidcAuthorizationCodeAuthenticationProvider(
				new RestClientAuthorizationCodeTokenResponseClient(), linkingUserService()));
		return (authentication) -> (authentication instanceof OAuth2LoginAuthenticationToken)
				? codeExchange.authenticate(authentication) : passwordLogin.authenticate(authentication);
	}

	/** Adds the sign-in with the provider, when it is configured. */
	public void configure(HttpSecurity http) throws Exception {
		if (!enabled()) {
			return;
		}
		SavedRequestAwareAuthenticationSuccessHandler toWhereTheyWere = new SavedRequestAwareAuthenticationSuccessHandler();
		SimpleUrlAuthenticationFailureHandler backToLogIn = new SimpleUrlAuthenticationFailureHandler("/login?error");
		http.oauth2Login((login) -> login.loginPage("/login")
			.clientRegistrationRepository(this.singleSignOn)
			.authorizedClientRepository(new NothingKept())
			.successHandler((request, response, authentication) -> {
				LinkedOidcUser user = (LinkedOidcUser) authentication.getPrincipal();
				this.sessionLogin.logIn(user.account(), request, response);
				if (endSessionEndpoint().isPresent()) {
					request.getSession().setAttribute(ID_TOKEN, user.getIdToken().getTokenValue());
				}
				toWhereTheyWere.onAuthenticationSuccess(request, response, authentication);
			})
			.failureHandler((request, response, failure) -> {
				logRefusal(failure);
				backToLogIn.onAuthenticationFailure(request, response, failure);
			})).addFilterBefore(new UnreachableProvider(), OAuth2AuthorizationRequestRedirectFilter.class);
	}

	/**
	 * Logs out here, then at the provider when it offers that (RP-initiated log-out),
	 * which sends the person back to the log-in page.
	 */
	public void configure(LogoutConfigurer<HttpSecurity> logout) {
		if (!enabled()) {
			return;
		}
		logout.addLogoutHandler((request, response, authentication) -> {
			HttpSession session = request.getSession(false);
			if (session != null && session.getAttribute(ID_TOKEN) instanceof String idToken) {
				request.setAttribute(ID_TOKEN, idToken);
			}
		}).logoutSuccessHandler((request, response, authentication) -> {
			String target = providerLogout(request).orElse(request.getContextPath() + "/login?logout");
			response.sendRedirect(response.encodeRedirectURL(target));
		});
	}

	private Optional<String> providerLogout(HttpServletRequest request) {
		if (!(request.getAttribute(ID_TOKEN) instanceof String idToken)) {
			return Optional.empty();
		}
		Optional<ClientRegistration> registration = this.singleSignOn.registration();
		Object endSession = endSessionEndpoint().orElse(null);
		if (endSession == null || registration.isEmpty()) {
			return Optional.empty();
		}
		String back = UriComponentsBuilder.fromUriString(UrlUtils.buildFullRequestUrl(request))
			.replacePath(request.getContextPath() + "/login")
			.replaceQuery("logout")
			.fragment(null)
			.toUriString();
		return Optional.of(UriComponentsBuilder.fromUriString(endSession.toString())
			.queryParam("id_token_hint", idToken)
			.queryParam("client_id", registration.get().getClientId())
			.queryParam("post_logout_redirect_uri", back)
			.encode()
			.build()
			.toUriString());
	}

	/**
	 * The provider's log-out endpoint, when its discovery document names one: only then
	 * is the ID token kept in the session, as its {@code id_token_hint}.
	 */
	private Optional<Object> endSessionEndpoint() {
		return this.singleSignOn.registration()
			.map((known) -> known.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint"));
	}

	private OAuth2UserService<OidcUserRequest, OidcUser> linkingUserService() {
		OidcUserService standard = new OidcUserService();
		return (request) -> {
			OidcUser user = standard.loadUser(request);
			SignedInIdentity identity = identityOf(user);
			AccountPrincipal account = linkedAccount(identity);
			return new LinkedOidcUser(user, account);
		};
	}

	/**
	 * The account linked to the identity, made at its first sign-in. The same new
	 * identity signing in at once elsewhere (a second tab, another instance), or another
	 * taking the same username, clashes: that transaction is over, so a second try finds
	 * the link the other made, or the next free name. A second clash as well (many
	 * sign-ins at once) is a refusal the log-in page shows, not an error page.
	 */
	AccountPrincipal linkedAccount(SignedInIdentity identity) {
		try {
			return this.accounts.signIn(identity);
		}
		catch (DataIntegrityViolationException first) {
			// Tried once more below.
		}
		try {
			return this.accounts.signIn(identity);
		}
		catch (DataIntegrityViolationException ex) {
			throw new SingleSignOnRefused("account_conflict",
					"Your account was being set up by another sign-in at the same moment; sign in again.");
		}
	}

	private static SignedInIdentity identityOf(OidcUser user) {
		List<String> hints = new ArrayList<>();
		hints.add(user.getPreferredUsername());
		hints.add(user.getEmail());
		hints.add(user.getFullName());
		List<String> groups = user.getClaimAsStringList(GROUPS);
		return new SignedInIdentity(user.getIssuer().toString(), user.getSubject(), hints,
				(groups != null) ? groups : List.of());
	}

	/** Says why, never with a token or code: only the error's name. */
	private static void logRefusal(AuthenticationException failure) {
		if (failure instanceof OAuth2AuthenticationException oauth) {
			logger.warn("Single sign-on refused: {}", oauth.getError().getErrorCode());
		}
		else {
			logger.warn("Single sign-on refused: {}", failure.getClass().getSimpleName());
		}
	}

	/**
	 * Nothing is needed from the provider after the sign-in: keeping its access and
	 * refresh tokens (in memory by default, on one instance only) would only be something
	 * to leak.
	 */
	private static final class NothingKept implements OAuth2AuthorizedClientRepository {

		@Override
		public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId,
				Authentication principal, HttpServletRequest request) {
			return null;
		}

		@Override
		public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

		@Override
		public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

	}

	/**
	 * Back to the log-in page, saying so, when the provider's settings cannot be read,
	 * instead of Spring's bare 500.
	 */
	private final class UnreachableProvider extends OncePerRequestFilter {

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !(request.getContextPath() + START).equals(request.getRequestURI());
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (SingleSignOnSecurity.this.singleSignOn.registration().isEmpty()) {
				response.sendRedirect(request.getContextPath() + "/login?unavailable");
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
