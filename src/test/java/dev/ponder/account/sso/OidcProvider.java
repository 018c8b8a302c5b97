package dev.ponder.account.sso;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OpenID Connect provider on 127.0.0.1 (NAV's mock-oauth2-server): discovery,
 * authorization, token and end-session endpoints, signed ID tokens with the nonce asked
 * for. It signs in at once, as whoever the test says comes next. Started once for the
 * test run and stopped with the JVM.
 */
final class OidcProvider {

	static final String ISSUER_ID = "ponder-test";

	static final String CLIENT_ID = "ponder";

	static final String CLIENT_SECRET = "ponder-client-secret";

	private static MockOAuth2Server server;

	private OidcProvider() {
	}

	static synchronized MockOAuth2Server server() {
		if (server == null) {
			MockOAuth2Server started = new MockOAuth2Server();
			try {
				started.start(InetAddress.getByName("127.0.0.1"), 0);
			}
			catch (UnknownHostException ex) {
				throw new IllegalStateException(ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(started::shutdown));
			server = started;
		}
		return server;
	}

	static String issuer() {
		return server().issuerUrl(ISSUER_ID).toString();
	}

	/** The settings that point a Ponder at this provider. */
	static List<String> settings() {
		return List.of("ponder.oidc.issuer-uri=" + issuer(), "ponder.oidc.client-id=" + CLIENT_ID,
				"ponder.oidc.client-secret=" + CLIENT_SECRET, "ponder.oidc.name=Mock ID");
	}

	/** The next sign-in is {@code subject}, with these claims in its ID token. */
	static void nextSignIn(String subject, Map<String, Object> claims) {
		server().enqueueCallback(
				new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims, 3600));
	}

}
