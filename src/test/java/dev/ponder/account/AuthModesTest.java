package dev.ponder.account;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.ponder.testing.Api;
import dev.ponder.testing.StandaloneApp;
import dev.ponder.testing.Visitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How an instance starts in each mode: single-user says so plainly; an unattended set-up
 * makes its administrator from the environment, who then finds the conversations made
 * before accounts were on; open sign-up lets people make their own accounts.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuthModesTest {

	private static final String DATABASE = "jdbc:h2:mem:auth-modes;DB_CLOSE_DELAY=-1";

	@Test
	void turningAccountsOnHandsEarlierConversationsToTheAdministratorFromTheEnvironment(CapturedOutput output) {
		String conversation;
		try (ConfigurableApplicationContext single = start(DATABASE, "--ponder.auth=none")) {
			assertThat(output).contains("Accounts are off (PONDER_AUTH=none): whoever reaches this port can read "
					+ "and write every conversation.");
			String rebound = org.springframework.web.reactive.function.client.WebClient
				.create("http://127.0.0.1:" + port(single))
				.get()
				.uri("/api/conversations")
				.header("Host", "rebound.attacker.example")
				.exchangeToMono((response) -> response.bodyToMono(String.class)
					.map((body) -> response.statusCode().value() + " " + body))
				.block(java.time.Duration.ofSeconds(5));
			assertThat(rebound).as("a page whose name was pointed at this machine (DNS rebinding)")
				.startsWith("403 This Ponder runs without accounts (PONDER_AUTH=none), so it answers only to "
						+ "localhost.");
			Api.Reply tokens = Api.anonymous(port(single)).get("/api/tokens");
			assertThat(tokens.status()).isEqualTo(409);
			assertThat(tokens.body().get("code").asString()).isEqualTo("accounts_off");
			assertThat(new Visitor(port(single)).get("/login").headers().firstValue("Location"))
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/"));
			conversation = Api.anonymous(port(single))
				.post("/api/conversations", "{\"title\":\"Made before accounts\"}")
				.body()
				.get("id")
				.asString();
		}
		try (ConfigurableApplicationContext accounts = start(DATABASE, "--ponder.admin.username=Boss",
				"--ponder.admin.password=boss-password-1", "--ponder.signup=open")) {
			assertThat(output).contains("Created the administrator \"boss\" from PONDER_ADMIN_USERNAME.")
				.doesNotContain("boss-password-1");
			Api boss = Api.basic(port(accounts), "boss", "boss-password-1");
			assertThat(boss.get("/api/account").body().get("admin").asBoolean()).isTrue();
			assertThat(boss.get("/api/conversations/" + conversation).body().get("title").asString())
				.isEqualTo("Made before accounts");

			Visitor newcomer = new Visitor(port(accounts));
			assertThat(newcomer.get("/login").body()).contains("/signup");
			newcomer.submit("/signup", "/signup",
					Map.of("username", "dana", "password", "dana-password", "confirm", "dana-password"));
			assertThat(newcomer.get("/").statusCode()).as("logged in after signing up").isEqualTo(200);
			Api dana = Api.basic(port(accounts), "dana", "dana-password");
			assertThat(dana.get("/api/account").body().get("admin").asBoolean()).isFalse();
			assertThat(dana.get("/api/conversations").body()).isEmpty();
			assertThat(dana.get("/api/conversations/" + conversation).status()).isEqualTo(404);
		}
	}

	@Test
	void signUpIsClosedUnlessOpened() {
		try (ConfigurableApplicationContext app = start("jdbc:h2:mem:closed-signup;DB_CLOSE_DELAY=-1",
				"--ponder.admin.username=admin", "--ponder.admin.password=admin-password")) {
			Visitor visitor = new Visitor(port(app));
			assertThat(visitor.get("/signup").statusCode()).isEqualTo(404);
			assertThat(visitor.get("/login").body()).doesNotContain("/signup");
		}
	}

	@Test
	void openSignUpWaitsUntilTheAdministratorExists() {
		try (ConfigurableApplicationContext app = start("jdbc:h2:mem:open-signup-first;DB_CLOSE_DELAY=-1",
				"--ponder.signup=open")) {
			Visitor early = new Visitor(port(app));
			assertThat(early.get("/signup").headers().firstValue("Location"))
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/setup"));
			early.submit("/setup", "/signup",
					Map.of("username", "first", "password", "first-password", "confirm", "first-password"));
			assertThat(early.get("/setup").statusCode()).as("the set-up is still there to be done").isEqualTo(200);
		}
	}

	@Test
	void anAdministratorPasswordTooShortStopsTheStartWithAReason() {
		assertThatThrownBy(
				() -> start("jdbc:h2:mem:bad-admin", "--ponder.admin.username=admin", "--ponder.admin.password=short")
					.close())
			.hasStackTraceContaining("PONDER_ADMIN_USERNAME or PONDER_ADMIN_PASSWORD cannot be used: "
					+ "A password needs at least 8 characters.");
	}

	private static ConfigurableApplicationContext start(String database, String... arguments) {
		List<String> all = StandaloneApp.arguments("--server.port=0", "--spring.datasource.url=" + database);
		all.addAll(List.of(arguments));
		return StandaloneApp.start(all);
	}

	private static int port(ConfigurableApplicationContext app) {
		return StandaloneApp.port(app);
	}

}
