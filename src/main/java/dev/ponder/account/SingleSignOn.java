package dev.ponder.account;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.stereotype.Component;

/**
 * Whether this instance offers single sign-on, and the provider's registration, read from
 * its discovery document the first time someone needs it rather than at start: a provider
 * that is down must not keep Ponder from starting (people with passwords and scripts with
 * tokens carry on). A failed read is tried again at the next sign-in.
 */
@Component
public class SingleSignOn implements ClientRegistrationRepository {

	private static final Logger logger = LoggerFactory.getLogger(SingleSignOn.class);

	private final OidcProperties properties;

	private final boolean enabled;

	private final AtomicReference<ClientRegistration> registration = new AtomicReference<>();

	SingleSignOn(OidcProperties properties, AccountProperties accounts) {
		this.properties = properties;
		this.enabled = properties.isSet() && accounts.accountsOn();
		if (properties.isSet() && !accounts.accountsOn()) {
			logger
				.warn("Single sign-on is off: PONDER_OIDC_ISSUER_URI is set, but accounts are off (PONDER_AUTH=none).");
		}
		else if (this.enabled) {
			logger.info("Single sign-on with {} ({}); the provider is asked for its settings at the first sign-in.",
					properties.name(), properties.issuerUri());
		}
	}

	/** Whether the log-in page offers "Sign in with …". */
	public boolean enabled() {
		return this.enabled;
	}

	/** Whether the log-in page offers nothing else. */
	public boolean only() {
		return this.enabled && this.properties.only();
	}

	String issuerUri() {
		return this.properties.issuerUri();
	}

	/**
	 * Whether, on an instance without accounts, the first person to sign in becomes its
	 * administrator (there is no admin group to decide instead).
	 */
	boolean firstSignInMakesAdministrator() {
		return !this.properties.hasAdminGroup();
	}

	public String name() {
		return this.properties.name();
	}

	/** The registration, or empty while the provider cannot be reached. */
	public Optional<ClientRegistration> registration() {
		if (!this.enabled) {
			return Optional.empty();
		}
		ClientRegistration known = this.registration.get();
		if (known != null) {
			return Optional.of(known);
		}
		try {
			ClientRegistration read = ClientRegistrations.fromIssuerLocation(this.properties.issuerUri())
				.registrationId(OidcProperties.REGISTRATION_ID)
				.clientId(this.properties.clientId())
				.clientSecret(this.properties.clientSecret())
				.scope("openid", "profile", "email")
				.clientName(this.properties.name())
				.build();
			this.registration.compareAndSet(null, read);
			return Optional.of(this.registration.get());
		}
		catch (RuntimeException ex) {
			logger.warn("The single sign-on provider at {} cannot be reached: {}", this.properties.issuerUri(),
					ex.getMessage());
			return Optional.empty();
		}
	}

	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		return OidcProperties.REGISTRATION_ID.equals(registrationId) ? registration().orElse(null) : null;
	}

}
