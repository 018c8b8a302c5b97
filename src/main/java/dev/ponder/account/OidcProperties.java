package dev.ponder.account;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on with an OpenID Connect provider: {@code PONDER_OIDC_ISSUER_URI},
 * {@code PONDER_OIDC_CLIENT_ID}, {@code PONDER_OIDC_CLIENT_SECRET},
 * {@code PONDER_OIDC_NAME}, {@code PONDER_OIDC_ONLY} and {@code PONDER_OIDC_ADMIN_GROUP}.
 * Off unless the issuer is set; then the client id and secret must be set too, or Ponder
 * does not start: a sign-in that cannot work would otherwise pass for a provider that is
 * down. The secret never appears in {@link #toString()}.
 *
 * @param issuerUri the provider's issuer, whose discovery document
 * ({@code /.well-known/openid-configuration}) tells the rest
 * @param clientId Ponder's client id at the provider
 * @param clientSecret Ponder's client secret at the provider
 * @param name what the log-in page's button says after "Sign in with"
 * @param only whether the log-in page offers single sign-on only, without the password
 * form
 * @param adminGroup a value of the ID token's {@code groups} claim that makes its members
 * administrators; blank to leave administration to Ponder's own users page
 */
@ConfigurationProperties("ponder.oidc")
public record OidcProperties(String issuerUri, String clientId, String clientSecret,
		@DefaultValue("single sign-on") String name, boolean only, String adminGroup) {

	public OidcProperties {
		if (issuerUri != null && !issuerUri.isBlank()) {
			List<String> missing = new ArrayList<>();
			if (clientId == null || clientId.isBlank()) {
				missing.add("PONDER_OIDC_CLIENT_ID");
			}
			if (clientSecret == null || clientSecret.isBlank()) {
				missing.add("PONDER_OIDC_CLIENT_SECRET");
			}
			if (!missing.isEmpty()) {
				throw new IllegalArgumentException("Single sign-on is half set up: PONDER_OIDC_ISSUER_URI is set, but "
						+ String.join(" and ", missing) + ((missing.size() == 1) ? " is" : " are")
						+ " not. Set them to the client registered at the provider, or unset PONDER_OIDC_ISSUER_URI.");
			}
		}
	}

	/** The registration id, which is also the last part of the redirect URI. */
	public static final String REGISTRATION_ID = "oidc";

	public boolean isSet() {
		return this.issuerUri != null && !this.issuerUri.isBlank();
	}

	boolean hasAdminGroup() {
		return this.adminGroup != null && !this.adminGroup.isBlank();
	}

	@Override
	public String toString() {
		return "OidcProperties[issuerUri=" + this.issuerUri + ", clientId=" + this.clientId + ", clientSecret="
				+ ((this.clientSecret != null) ? "(set)" : "(none)") + ", name=" + this.name + ", only=" + this.only
				+ ", adminGroup=" + this.adminGroup + "]";
	}

}
