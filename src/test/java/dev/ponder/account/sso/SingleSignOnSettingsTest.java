package dev.ponder.account.sso;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.ponder.testing.StandaloneApp;
import dev.ponder.testing.Visitor;

import static dev.ponder.testing.Visitor.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the settings do around the sign-in itself: a provider that is down when Ponder
 * starts, a log-in page with single sign-on only (and no password sign-up), a half-set
 * configuration, and accounts off.
 */
@ExtendWith(OutputCaptureExtension.class)
class SingleSignOnSettingsTest {

	/** Nothing listens on port 1 of this machine: every call is refused at once. */
	private static final String DOWN = "http://127.0.0.1:1/realms/down";

	@Test
	void aProviderThatIsDownKeepsNeitherPonderNorPasswordsFromWorking() {
		try (ConfigurableApplicationContext app = StandaloneApp.start(StandaloneApp.arguments("--server.port=0",
				"--ponder.auth=accounts", "--spring.datasource.url=jdbc:h2:mem:sso-down;DB_CLOSE_DELAY=-1",
				"--ponder.admin.username=root", "--ponder.admin.password=root-password-1",
				"--ponder.oidc.issuer-uri=" + DOWN, "--ponder.oidc.client-id=ponder",
				"--ponder.oidc.client-secret=down-secret", "--ponder.oidc.name=Down ID", "--ponder.oidc.only=true",
				"--ponder.signup=open", "--spring.main.banner-mode=off"))) {
			Visitor browser = new Visitor(StandaloneApp.port(app));

			String page = browser.get("/login").body();
			assertThat(page).contains("Sign in with Down ID").doesNotContain("name=\"password\"");

			assertThat(location(browser.get("/oauth2/authorization/oidc"))).endsWith("/login?unavailable");
			assertThat(browser.get("/login?unavailable").body())
				.contains("Down ID cannot be reached just now, so signing in with it does not work");

			// The administrator made with a password still gets in, through
			// /login?password.
			assertThat(location(browser.submit("/login?password", "/login",
					Map.of("username", "root", "password", "root-password-1"))))
				.endsWith("/");
			assertThat(browser.get("/").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void singleSignOnOnlyClosesPasswordSignUpEvenWhereSignUpIsOpen() {
		try (ConfigurableApplicationContext app = StandaloneApp.start(StandaloneApp.arguments("--server.port=0",
				"--ponder.auth=accounts", "--spring.datasource.url=jdbc:h2:mem:sso-only-signup;DB_CLOSE_DELAY=-1",
				"--ponder.admin.username=root", "--ponder.admin.password=root-password-1",
				"--ponder.oidc.issuer-uri=" + DOWN, "--ponder.oidc.client-id=ponder",
				"--ponder.oidc.client-secret=down-secret", "--ponder.oidc.only=true", "--ponder.signup=open",
				"--spring.main.banner-mode=off"))) {
			Visitor browser = new Visitor(StandaloneApp.port(app));

			HttpResponse<String> form = browser.get("/signup");
			HttpResponse<String> made = browser.submit("/login?password", "/signup",
					Map.of("username", "sneaky", "password", "sneaky-password-1", "confirm", "sneaky-password-1"));

			assertThat(form.statusCode()).isEqualTo(404);
			assertThat(made.statusCode()).isEqualTo(404);
			assertThat(browser.get("/login?password").body()).doesNotContain("/signup");
			assertThat(browser
				.submit("/login?password", "/login", Map.of("username", "sneaky", "password", "sneaky-password-1"))
				.headers()
				.firstValue("Location")).as("no account was made")
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?error"));
		}
	}

	@Test
	void anIssuerWithoutClientIdOrSecretStopsPonderFromStartingAndSaysWhy() {
		assertThatThrownBy(() -> StandaloneApp.start(StandaloneApp.arguments("--server.port=0",
				"--ponder.auth=accounts", "--spring.datasource.url=jdbc:h2:mem:sso-half;DB_CLOSE_DELAY=-1",
				"--ponder.oidc.issuer-uri=" + DOWN, "--ponder.oidc.client-id=ponder", "--spring.main.banner-mode=off"))
			.close())
			.hasRootCauseMessage("Single sign-on is half set up: PONDER_OIDC_ISSUER_URI is set, but "
					+ "PONDER_OIDC_CLIENT_SECRET is not. Set them to the client registered at the provider, or unset "
					+ "PONDER_OIDC_ISSUER_URI.");
	}

	@Test
	void withAccountsOffSingleSignOnIsOffAndTheLogSaysSo(CapturedOutput output) {
		try (ConfigurableApplicationContext app = StandaloneApp.start(StandaloneApp.arguments("--server.port=0",
				"--ponder.auth=none", "--spring.datasource.url=jdbc:h2:mem:sso-off;DB_CLOSE_DELAY=-1",
				"--ponder.oidc.issuer-uri=" + DOWN, "--ponder.oidc.client-id=ponder",
				"--ponder.oidc.client-secret=down-secret", "--spring.main.banner-mode=off"))) {
			Visitor browser = new Visitor(StandaloneApp.port(app));

			HttpResponse<String> start = browser.get("/oauth2/authorization/oidc");

			assertThat(start.statusCode()).isEqualTo(404);
			assertThat(output).contains("Single sign-on is off: PONDER_OIDC_ISSUER_URI is set, but accounts are off");
			assertThat(browser.get("/").statusCode()).isEqualTo(200);
		}
	}

}
