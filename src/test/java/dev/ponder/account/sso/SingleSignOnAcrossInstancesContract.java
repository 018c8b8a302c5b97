package dev.ponder.account.sso;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.UriComponentsBuilder;

import dev.ponder.testing.StandaloneApp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database behind one address, without sticky sessions: the sign-in
 * starts on one (which keeps the state and nonce in the shared session) and the provider
 * sends the browser back to the other, which finishes it. The instance is new, with no
 * account yet: the first person to sign in becomes its administrator. Run on H2 (two
 * contexts in one JVM on one in-memory database) and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SingleSignOnAcrossInstancesContract {

	/** The address both instances are reached by, as a load balancer would forward it. */
	private static final String PUBLIC_HOST = "ponder.example.test";

	private ConfigurableApplicationContext a;

	private ConfigurableApplicationContext b;

	/** The database both instances use, as arguments. */
	abstract List<String> database();

	@BeforeAll
	void startTwoInstances() {
		List<String> arguments = new ArrayList<>(database());
		arguments.addAll(
				StandaloneApp.arguments("--server.port=0", "--ponder.auth=accounts", "--spring.main.banner-mode=off"));
		OidcProvider.settings().forEach((setting) -> arguments.add("--" + setting));
		this.a = StandaloneApp.start(arguments);
		this.b = StandaloneApp.start(arguments);
	}

	@AfterAll
	void stop() {
		if (this.b != null) {
			this.b.close();
		}
		if (this.a != null) {
			this.a.close();
		}
	}

	@Test
	void aSignInStartedOnOneInstanceFinishesOnTheOther() throws Exception {
		Browser browser = new Browser();
		String subject = "gwen-" + System.nanoTime();
		OidcProvider.nextSignIn(subject, Map.of("preferred_username", "gwen"));

		assertThat(browser.get(StandaloneApp.port(this.a), "/setup").body())
			.as("the new instance's set-up page offers the provider")
			.contains("Sign in with Mock ID")
			.contains("The first person to sign in becomes the administrator.");

		HttpResponse<String> start = browser.get(StandaloneApp.port(this.a), "/oauth2/authorization/oidc");
		assertThat(start.statusCode()).isEqualTo(302);
		String authorize = location(start);
		assertThat(authorize).startsWith(OidcProvider.issuer() + "/authorize");
		assertThat(query(authorize, "redirect_uri")).isEqualTo("http://" + PUBLIC_HOST + "/login/oauth2/code/oidc");
		assertThat(query(authorize, "nonce")).isNotBlank();

		HttpResponse<String> provider = browser.getAbsolute(authorize);
		String callback = location(provider);
		assertThat(callback).startsWith("http://" + PUBLIC_HOST + "/login/oauth2/code/oidc?");

		URI back = URI.create(callback);
		HttpResponse<String> finished = browser.get(StandaloneApp.port(this.b),
				back.getRawPath() + "?" + back.getRawQuery());
		assertThat(location(finished)).as("instance B checked the state and nonce A kept, and logged in")
			.isEqualTo("http://" + PUBLIC_HOST + "/");

		for (ConfigurableApplicationContext instance : List.of(this.a, this.b)) {
			HttpResponse<String> home = browser.get(StandaloneApp.port(instance), "/");
			assertThat(home.statusCode()).isEqualTo(200);
			assertThat(home.body()).contains("class=\"account-name\">gwen<");
		}
		JdbcClient database = this.a.getBean(JdbcClient.class);
		assertThat(database.sql("SELECT admin FROM account WHERE username = 'gwen'").query(Boolean.class).single())
			.as("the first account of a new instance is its administrator")
			.isTrue();
		assertThat(database.sql("SELECT COUNT(*) FROM account_identity WHERE subject = ?")
			.param(subject)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aCallbackWhoseStateNoSessionKnowsIsRefused() throws Exception {
		Browser stranger = new Browser();

		HttpResponse<String> forged = stranger.get(StandaloneApp.port(this.b),
				"/login/oauth2/code/oidc?code=made-up&state=made-up");

		assertThat(location(forged)).endsWith("/login?error");
		assertThat(this.a.getBean(JdbcClient.class)
			.sql("SELECT COUNT(*) FROM account_identity WHERE subject LIKE 'made-up%'")
			.query(Long.class)
			.single()).isZero();
	}

	private static String location(HttpResponse<String> response) {
		assertThat(response.statusCode()).as("a redirect").isBetween(300, 399);
		return response.headers().firstValue("Location").orElseThrow();
	}

	private static String query(String url, String name) {
		String value = UriComponentsBuilder.fromUriString(url).build(true).getQueryParams().getFirst(name);
		return (value != null) ? URLDecoder.decode(value, StandardCharsets.UTF_8) : null;
	}

	/**
	 * A browser's cookies and requests as they reach an instance through the load
	 * balancer: with the public address in {@code X-Forwarded-*} headers, which the
	 * instances trust from loopback, and no redirect followed.
	 */
	private static final class Browser {

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
			return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("X-Forwarded-Host", PUBLIC_HOST)
				.header("X-Forwarded-Port", "80")
				.header("X-Forwarded-Proto", "http")
				.header("X-Forwarded-For", "192.0.2.10")
				.timeout(Duration.ofSeconds(60))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> getAbsolute(String url) throws IOException, InterruptedException {
			return this.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}

	}

}
