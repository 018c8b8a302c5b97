package dev.ponder.account;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ponder.testing.Api;
import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.FakeUpstream;
import dev.ponder.testing.Script;
import dev.ponder.testing.SharedUpstream;
import dev.ponder.testing.Visitor;

import static dev.ponder.testing.Visitor.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts as people and scripts meet them, on a fresh database: the first visit sets up
 * the administrator, then log-in and log-out, the 401 for scripts, tokens, the admin API,
 * and two people who cannot reach each other's conversations. Run on H2 and PostgreSQL.
 * The tests run in order: the first one makes the administrator the others use.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ponder.auth=accounts", "openrouter.api-key=" + AppTestSupport.API_KEY,
				"openrouter.idle-timeout=10s", "openrouter.first-byte-timeout=10s",
				"ponder.catalog.refresh-in-background=false" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
abstract class AccountsContract {

	static final String ROOT_PASSWORD = "root-password-1";

	static final String ALICE_PASSWORD = "alice-password-1";

	static final String BOB_PASSWORD = "bob-password-12";

	protected static final FakeUpstream upstream = SharedUpstream.get();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void upstream(DynamicPropertyRegistry registry) {
		registry.add("openrouter.base-url", upstream::baseUrl);
	}

	@BeforeEach
	void forgetEarlierScripts() {
		upstream.reset();
	}

	@Test
	@Order(1)
	void theFirstVisitCreatesTheAdministratorAndOnlyOnce() {
		assertThat(Api.anonymous(this.port).get("/api/conversations").body().get("code").asString())
			.isEqualTo("not_set_up");
		Visitor first = new Visitor(this.port);
		assertThat(location(first.get("/"))).endsWith("/setup");
		assertThat(location(first.get("/login"))).endsWith("/setup");

		HttpResponse<String> mismatch = first.submit("/setup", "/setup",
				Map.of("username", "Root", "password", ROOT_PASSWORD, "confirm", "something-else"));
		assertThat(mismatch.statusCode()).isEqualTo(200);
		assertThat(mismatch.body()).contains("The two passwords are not the same.").doesNotContain(ROOT_PASSWORD);
		assertThat(first.post("/setup", Map.of("username", "root", "password", ROOT_PASSWORD, "confirm", ROOT_PASSWORD))
			.statusCode()).as("no CSRF token").isEqualTo(403);

		HttpResponse<String> created = first.submit("/setup", "/setup",
				Map.of("username", "Root", "password", ROOT_PASSWORD, "confirm", ROOT_PASSWORD));
		assertThat(location(created)).endsWith("/");
		assertThat(first.get("/").statusCode()).as("logged in at once").isEqualTo(200);

		Visitor late = new Visitor(this.port);
		assertThat(location(late.get("/setup"))).endsWith("/login");
		late.submit("/login", "/setup",
				Map.of("username", "intruder", "password", "intruder-password", "confirm", "intruder-password"));
		JsonNode people = root().get("/api/admin/users").body();
		assertThat(people).hasSize(1);
		assertThat(people.get(0).get("username").asString()).isEqualTo("root");
		assertThat(people.get(0).get("admin").asBoolean()).isTrue();
	}

	@Test
	@Order(2)
	void scriptsWithoutCredentialsGetA401ProblemNeverALogInPage() {
		Api nobody = Api.anonymous(this.port);
		for (String path : List.of("/api/conversations", "/api/admin/users", "/api/tokens", "/actuator/prometheus")) {
			Api.Reply reply = nobody.get(path);
			assertThat(reply.status()).as(path).isEqualTo(401);
			assertThat(reply.header("Content-Type")).as(path).startsWith("application/problem+json");
			assertThat(reply.header("Location")).as(path).isNull();
			assertThat(reply.header("WWW-Authenticate")).as(path).startsWith("Bearer");
			assertThat(reply.body().get("code").asString()).as(path).isEqualTo("unauthenticated");
		}
		assertThat(nobody.post("/api/conversations", "{}").status()).isEqualTo(401);
		Api.Reply wrong = Api.basic(this.port, "root", "not-the-password").get("/api/conversations");
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.body().get("code").asString()).isEqualTo("bad_credentials");
		assertThat(Api.bearer(this.port, "pnd_made-up").get("/api/conversations").status()).isEqualTo(401);
		assertThat(nobody.get("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(nobody.get("/actuator/health/liveness").status()).isEqualTo(200);
		assertThat(location(new Visitor(this.port).get("/c/00000000-0000-0000-0000-000000000000"))).endsWith("/login");
	}

	@Test
	@Order(3)
	void theAdministratorAddsPeopleAndOnlyTheAdministratorMay() {
		Api.Reply alice = root().post("/api/admin/users",
				"{\"username\":\"Alice\",\"password\":\"" + ALICE_PASSWORD + "\",\"admin\":false}");
		assertThat(alice.status()).isEqualTo(201);
		assertThat(alice.body().get("username").asString()).isEqualTo("alice");
		assertThat(alice.text()).doesNotContain(ALICE_PASSWORD).doesNotContain("bcrypt");
		assertThat(root().post("/api/admin/users", "{\"username\":\"bob\",\"password\":\"" + BOB_PASSWORD + "\"}")
			.status()).isEqualTo(201);

		Api.Reply taken = root().post("/api/admin/users", "{\"username\":\"ALICE\",\"password\":\"long-enough\"}");
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.body().get("code").asString()).isEqualTo("username_taken");
		Api.Reply weak = root().post("/api/admin/users", "{\"username\":\"carol\",\"password\":\"short\"}");
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.body().get("detail").asString()).contains("at least 8 characters");

		Api.Reply refused = alicesApi().get("/api/admin/users");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(
				alicesApi().post("/api/admin/users", "{\"username\":\"eve\",\"password\":\"eve-password\"}").status())
			.isEqualTo(403);
		assertThat(alicesApi().get("/actuator/prometheus").status()).isEqualTo(403);
		assertThat(alicesApi().call("PUT", "/api/settings/relay", "{\"template\":\"Mine: {reasoning}\"}").status())
			.as("the relay's prompt is the whole instance's")
			.isEqualTo(403);
		assertThat(alicesApi().post("/api/models/refresh", null).status()).isEqualTo(403);
		assertThat(root().call("PUT", "/api/settings/relay", "{\"template\":\"Ours: {reasoning}\"}").status())
			.isEqualTo(200);
		assertThat(root().get("/actuator/prometheus").status()).isEqualTo(200);
		assertThat(root().call("PATCH", "/api/admin/users/00000000-0000-0000-0000-000000000000", "{\"disabled\":true}")
			.status()).isEqualTo(404);
		String rootId = root().get("/api/account").body().get("id").asString();
		assertThat(root().call("PATCH", "/api/admin/users/" + rootId, "{\"disabled\":true}").status())
			.as("nobody disables themselves")
			.isEqualTo(400);

		String hash = this.jdbc.sql("SELECT password_hash FROM account WHERE username = 'alice'")
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}").doesNotContain(ALICE_PASSWORD);
	}

	@Test
	@Order(4)
	void logInRemembersAndLogsOut() {
		Visitor visitor = new Visitor(this.port);
		assertThat(location(visitor.get("/"))).endsWith("/login");
		HttpResponse<String> wrong = visitor.logIn("alice", "wrong-password", false);
		assertThat(location(wrong)).endsWith("/login?error");
		assertThat(visitor.get("/login?error").body()).contains("The username or password is not right.")
			.as("the username is kept, the password is not")
			.contains("value=\"alice\"")
			.doesNotContain("wrong-password");
		String before = visitor.cookie("JSESSIONID");

		HttpResponse<String> in = visitor.logIn("Alice", ALICE_PASSWORD, true);
		assertThat(location(in)).endsWith("/");
		assertThat(visitor.cookie("JSESSIONID")).as("a new session id at log-in").isNotEqualTo(before);
		assertThat(visitor.get("/").statusCode()).isEqualTo(200);
		assertThat(visitor.cookie(AccountSecurity.REMEMBER_ME_COOKIE)).isNotBlank();

		Visitor nextWeek = new Visitor(this.port);
		visitor.keepOnly(AccountSecurity.REMEMBER_ME_COOKIE);
		assertThat(new Visitor(this.port).get("/").statusCode()).isEqualTo(302);
		assertThat(visitor.get("/").statusCode()).as("remembered without a session").isEqualTo(200);

		HttpResponse<String> out = visitor.submit("/settings", "/logout", Map.of());
		assertThat(location(out)).endsWith("/login?logout");
		assertThat(location(visitor.get("/"))).endsWith("/login");
		assertThat(nextWeek.get("/login?logout").statusCode()).isEqualTo(200);
	}

	@Test
	@Order(12)
	void aLoggedInBrowserNeedsTheCsrfTokenForTheApiEvenWithoutOriginHeaders() {
		Visitor browser = new Visitor(this.port);
		browser.logIn("alice", ALICE_PASSWORD, false);
		java.net.http.HttpResponse<String> forged = browser.postJson("/api/conversations", "{}", null);
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.body()).contains("csrf_token_missing");
		String token = Visitor.csrfTokenOf(browser.get("/").body());
		assertThat(browser.postJson("/api/conversations", "{}", token).statusCode()).isEqualTo(201);
	}

	@Test
	@Order(5)
	void twoPeopleCannotOpenSearchExportDeleteOrStreamEachOthersConversations() {
		upstream
			.enqueue(Script.answer(List.of("The hidden heron thought."), List.of("The secret plan."), Duration.ZERO));
		String conversation = alicesApi().post("/api/conversations", "{}").body().get("id").asString();
		String events = alicesApi()
			.post("/api/conversations/" + conversation + "/messages", "{\"content\":\"Tell me the heron plan\"}")
			.text();
		assertThat(events).contains("event:done");
		JsonNode stored = alicesApi().get("/api/conversations/" + conversation).body();
		String question = stored.get("messages").get(0).get("id").asString();
		String answer = stored.get("messages").get(1).get("id").asString();
		assertThat(alicesApi().get("/api/conversations?q=heron").body()).hasSize(1);

		Api bob = bobsApi();
		assertThat(bob.get("/api/conversations").body()).isEmpty();
		assertThat(bob.get("/api/conversations?q=heron").body()).isEmpty();
		Api.Reply open = bob.get("/api/conversations/" + conversation);
		assertThat(open.status()).isEqualTo(404);
		assertThat(open.body().get("detail").asString()).as("exactly as an unknown id")
			.isEqualTo("No conversation with id " + conversation + ".");
		assertThat(open.body().get("code").asString()).isEqualTo("not_found");
		assertThat(bob.get("/api/conversations/" + conversation + "/export?format=md").status()).isEqualTo(404);
		assertThat(bob.get("/api/export").body().get("conversations")).isEmpty();
		assertThat(bob.call("PATCH", "/api/conversations/" + conversation, "{\"title\":\"Mine now\"}").status())
			.isEqualTo(404);
		assertThat(bob.call("PATCH", "/api/conversations/" + conversation, "{\"carryReasoning\":true}").status())
			.isEqualTo(404);
		assertThat(bob.call("DELETE", "/api/conversations/" + conversation, null).status()).isEqualTo(404);
		assertThat(bob.post("/api/conversations/" + conversation + "/restore", null).status()).isEqualTo(404);
		assertThat(bob.post("/api/conversations/" + conversation + "/messages", "{\"content\":\"Hi\"}").status())
			.isEqualTo(404);
		assertThat(bob.get("/api/messages/" + answer + "/stream").status()).isEqualTo(404);
		assertThat(bob.post("/api/messages/" + answer + "/stop", null).status()).isEqualTo(404);
		assertThat(bob.post("/api/messages/" + answer + "/select", null).status()).isEqualTo(404);
		assertThat(bob.get("/api/messages/" + answer + "/compare").status()).isEqualTo(404);
		Api.Reply regenerate = bob.post("/api/messages/" + answer + "/regenerate", "{}");
		assertThat(regenerate.status()).isEqualTo(404);
		assertThat(regenerate.body().get("detail").asString()).isEqualTo("No message with id " + answer + ".");
		assertThat(regenerate.body().get("code").asString()).isEqualTo("not_found");
		assertThat(bob.post("/api/messages/" + question + "/edit", "{\"content\":\"Changed\"}").status())
			.isEqualTo(404);
		assertThat(bob.get("/api/usage").body().get("answers").asLong()).isZero();
		assertThat(bob.get("/api/usage").body().get("reasoningCost").decimalValue()).isZero();
		assertThat(bob.get("/api/usage").body().get("reasoningCostUnknown").asLong()).isZero();
		Visitor bobsBrowser = new Visitor(this.port);
		bobsBrowser.logIn("bob", BOB_PASSWORD, false);
		assertThat(bobsBrowser.get("/c/" + conversation).statusCode()).isEqualTo(404);
		assertThat(bobsBrowser.get("/").body()).doesNotContain("heron");
		assertThat(bobsBrowser.submit("/", "/c/" + conversation + "/carry-reasoning", Map.of("carryReasoning", "true"))
			.statusCode()).isEqualTo(404);

		JsonNode after = alicesApi().get("/api/conversations/" + conversation).body();
		assertThat(after.get("title").asString()).isEqualTo("Tell me the heron plan");
		assertThat(after.get("carryReasoning").asBoolean()).as("another person cannot turn it on").isFalse();
		assertThat(after.get("messages")).hasSize(2);
		assertThat(alicesApi().get("/api/usage").body().get("answers").asLong()).isEqualTo(1);
		JsonNode herUsage = alicesApi().get("/api/usage").body();
		assertThat(
				herUsage.get("reasoningCost").decimalValue().signum() + herUsage.get("reasoningCostUnknown").asLong())
			.as("her answer's reasoning, priced or said to be unknown")
			.isEqualTo(1);

		// Bob imports the file Alice gave him: he gets a copy of his own, hers is
		// untouched.
		String file = alicesApi().get("/api/conversations/" + conversation + "/export").text();
		Api.Reply imported = bob.post("/api/import", file);
		assertThat(imported.status()).isEqualTo(200);
		String copy = imported.body().get("conversations").get(0).asString();
		assertThat(copy).isNotEqualTo(conversation);
		assertThat(bob.get("/api/conversations?q=heron").body()).hasSize(1);
		assertThat(alicesApi().get("/api/conversations").body()).hasSize(1);
		assertThat(alicesApi().get("/api/conversations/" + copy).status()).isEqualTo(404);
		assertThat(alicesApi().post("/api/import", file).body().get("imported").asInt())
			.as("importing her own file again adds nothing")
			.isZero();
		assertThat(bob.post("/api/import", file).body().get("imported").asInt()).as("nor does his").isZero();
		// His copy, deleted a moment ago, comes back whole from the same file.
		assertThat(bob.call("DELETE", "/api/conversations/" + copy, null).status()).isEqualTo(204);
		Api.Reply restored = bob.post("/api/import", file);
		assertThat(restored.body().get("imported").asInt()).isEqualTo(1);
		assertThat(restored.body().get("conversations").get(0).asString()).isEqualTo(copy);
		assertThat(bob.get("/api/conversations/" + copy).body().get("messages")).hasSize(2);

		// Importing tells nothing about which ids exist: hers and an unknown one both get
		// ids of his own.
		String unknown = java.util.UUID.randomUUID().toString();
		String hers = alicesApi().post("/api/conversations", "{\"title\":\"Another\"}").body().get("id").asString();
		assertThat(bob.post("/api/import", stub(hers, java.util.UUID.randomUUID().toString()))
			.body()
			.get("conversations")
			.get(0)
			.asString()).isNotEqualTo(hers);
		assertThat(bob.post("/api/import", stub(unknown, java.util.UUID.randomUUID().toString()))
			.body()
			.get("conversations")
			.get(0)
			.asString()).isNotEqualTo(unknown);
		// Nor can a file reach into her side-by-side answers by naming her question.
		Api.Reply reaching = bob.post("/api/import", file.replaceFirst("\"compare\":null",
				"\"compare\":{\"group\":\"" + java.util.UUID.randomUUID() + "\",\"column\":0}"));
		assertThat(reaching.status()).isEqualTo(400);
		assertThat(reaching.body().get("detail").asString()).contains("is not a message of the same conversation");
	}

	@Test
	@Order(6)
	void tokensAreShownOnceStoredHashedUsableAndRevocable(CapturedOutput output) {
		Api.Reply created = alicesApi().post("/api/tokens", "{\"name\":\"laptop script\"}");
		assertThat(created.status()).isEqualTo(201);
		String token = created.body().get("token").asString();
		assertThat(token).startsWith("pnd_").hasSizeGreaterThan(40);
		String id = created.body().get("id").asString();

		JsonNode listed = alicesApi().get("/api/tokens").body();
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("name").asString()).isEqualTo("laptop script");
		assertThat(listed.get(0).has("token")).isFalse();
		assertThat(this.jdbc.sql("SELECT token_hash FROM access_token").query(String.class).list())
			.containsExactly(AccessTokenService.hash(token));

		Api script = Api.bearer(this.port, token);
		assertThat(script.get("/api/conversations").text()).as("hers, as her password shows them")
			.isEqualTo(alicesApi().get("/api/conversations").text())
			.contains("Tell me the heron plan");
		assertThat(script.get("/api/account").body().get("username").asString()).isEqualTo("alice");
		assertThat(script.get("/api/admin/users").status()).isEqualTo(403);
		assertThat(bobsApi().call("DELETE", "/api/tokens/" + id, null).status()).as("another person's token is unknown")
			.isEqualTo(404);
		assertThat(alicesApi().get("/api/tokens").body().get(0).get("lastUsedAt").isNull()).isFalse();

		assertThat(alicesApi().call("DELETE", "/api/tokens/" + id, null).status()).isEqualTo(204);
		Api.Reply revoked = script.get("/api/conversations");
		assertThat(revoked.status()).isEqualTo(401);
		assertThat(revoked.body().get("code").asString()).isEqualTo("bad_credentials");
		assertThat(output).doesNotContain(token).doesNotContain(ALICE_PASSWORD).doesNotContain(ROOT_PASSWORD);
	}

	@Test
	@Order(7)
	void aDisabledPersonIsLockedOutEverywhereUntilEnabledAgain() {
		Visitor browser = new Visitor(this.port);
		browser.logIn("bob", BOB_PASSWORD, true);
		String token = bobsApi().post("/api/tokens", "{\"name\":\"cron\"}").body().get("token").asString();
		String bobId = bobsApi().get("/api/account").body().get("id").asString();

		assertThat(root().call("PATCH", "/api/admin/users/" + bobId, "{\"disabled\":true}")
			.body()
			.get("disabled")
			.asBoolean()).isTrue();

		Api.Reply basic = bobsApi().get("/api/conversations");
		assertThat(basic.status()).isEqualTo(401);
		assertThat(basic.body().get("code").asString()).isEqualTo("account_disabled");
		assertThat(Api.bearer(this.port, token).get("/api/conversations").status()).isEqualTo(401);
		assertThat(location(browser.get("/"))).as("the open session ends").endsWith("/login");
		assertThat(location(new Visitor(this.port).logIn("bob", BOB_PASSWORD, false))).endsWith("/login?error");

		root().call("PATCH", "/api/admin/users/" + bobId, "{\"disabled\":false}");
		assertThat(bobsApi().get("/api/conversations").status()).isEqualTo(200);
		assertThat(Api.bearer(this.port, token).get("/api/conversations").status()).isEqualTo(200);
	}

	@Test
	@Order(8)
	void changingThePasswordNeedsTheOldOneAndEndsRememberedLogIns() {
		Visitor browser = new Visitor(this.port);
		browser.logIn("alice", ALICE_PASSWORD, true);
		Visitor otherDevice = new Visitor(this.port);
		otherDevice.logIn("alice", ALICE_PASSWORD, false);
		HttpResponse<String> wrong = browser.submit("/settings", "/settings/password",
				Map.of("current", "not-it", "password", "alice-password-2", "confirm", "alice-password-2"));
		assertThat(location(wrong)).endsWith("/settings#account");
		assertThat(alicesApi().get("/api/account").status()).as("unchanged").isEqualTo(200);

		browser.submit("/settings", "/settings/password",
				Map.of("current", ALICE_PASSWORD, "password", "alice-password-2", "confirm", "alice-password-2"));
		assertThat(alicesApi().get("/api/account").status()).isEqualTo(401);
		assertThat(Api.basic(this.port, "alice", "alice-password-2").get("/api/account").status()).isEqualTo(200);
		assertThat(browser.get("/").statusCode()).as("the session that changed it carries on").isEqualTo(200);
		assertThat(location(otherDevice.get("/"))).as("other sessions end").endsWith("/login");
		browser.keepOnly(AccountSecurity.REMEMBER_ME_COOKIE);
		assertThat(location(browser.get("/"))).as("the remember-me cookie signed the old password").endsWith("/login");

		String made = Api.basic(this.port, "alice", "alice-password-2")
			.post("/api/tokens", "{\"name\":\"made before the reset\"}")
			.body()
			.get("token")
			.asString();
		root().call("PATCH", "/api/admin/users/"
				+ Api.basic(this.port, "alice", "alice-password-2").get("/api/account").body().get("id").asString(),
				"{\"password\":\"" + ALICE_PASSWORD + "\"}");
		assertThat(alicesApi().get("/api/account").status()).as("reset by the administrator").isEqualTo(200);
		assertThat(Api.bearer(this.port, made).get("/api/account").status()).as("a reset revokes her tokens")
			.isEqualTo(401);
	}

	@Test
	@Order(9)
	void repeatedFailedLogInsForAnAccountAreRefusedForAWhile() {
		Api guesser = Api.basic(this.port, "bob", "guess");
		for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
			assertThat(guesser.get("/api/account").status()).isEqualTo(401);
		}
		Api.Reply refused = bobsApi().get("/api/account");
		assertThat(refused.status()).as("even the right password must wait").isEqualTo(429);
		assertThat(refused.body().get("code").asString()).isEqualTo("too_many_log_ins");
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 30L);
		assertThat(alicesApi().get("/api/account").status()).as("other accounts are not held up").isEqualTo(200);
		Visitor browser = new Visitor(this.port);
		browser.logIn("bob", BOB_PASSWORD, false);
		assertThat(browser.get("/login?error").body()).contains("Too many failed log-ins; try again in");
	}

	@Test
	@Order(10)
	void behindAnHttpsProxyCookiesAreSecureAndHstsIsOn() throws Exception {
		java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
			.followRedirects(java.net.http.HttpClient.Redirect.NEVER)
			.build();
		java.net.http.HttpRequest.Builder login = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/login"))
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "ponder.example.org")
			.header("Accept", "text/html");
		HttpResponse<String> page = http.send(login.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying((hsts) -> assertThat(hsts).contains("max-age="));
		assertThat(page.headers().allValues("Set-Cookie")).allSatisfy(
				(cookie) -> assertThat(cookie).contains("Secure").contains("HttpOnly").contains("SameSite=Lax"));
		assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'")
			.contains("frame-ancestors 'none'");

		HttpResponse<String> plain = new Visitor(this.port).get("/login");
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).as("not over plain HTTP").isEmpty();
	}

	@Test
	@Order(11)
	void makingSomeoneAdministratorOrNotTakesEffectInTheirOpenSession() {
		String carolId = root().post("/api/admin/users", "{\"username\":\"carol\",\"password\":\"carol-password\"}")
			.body()
			.get("id")
			.asString();
		Visitor carol = new Visitor(this.port);
		carol.logIn("carol", "carol-password", false);
		HttpResponse<String> refused = carol.get("/admin/users");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).as("the error page")
			.startsWith("text/html");

		assertThat(carol.get("/settings").body()).as("the relay's prompt is shown, not offered for editing")
			.contains("Only an administrator can change it.")
			.doesNotContain("relay-save");

		root().call("PATCH", "/api/admin/users/" + carolId, "{\"admin\":true}");
		assertThat(carol.get("/admin/users").statusCode()).isEqualTo(200);

		root().call("PATCH", "/api/admin/users/" + carolId, "{\"admin\":false}");
		assertThat(carol.get("/admin/users").statusCode()).as("taken back at once, not at the next log-in")
			.isEqualTo(403);
		assertThat(carol.get("/").statusCode()).isEqualTo(200);
	}

	/** A file with one conversation of one question, with the ids given. */
	private static String stub(String conversationId, String messageId) {
		return """
				{"format":"ponder","version":1,"conversations":[{"id":"%s","title":"Probe",
				"createdAt":"2026-11-01T10:00:00Z","messages":[{"id":"%s","role":"user","status":"COMPLETE",
				"content":"Is it there?","createdAt":"2026-11-01T10:00:00Z"}]}]}""".formatted(conversationId,
				messageId);
	}

	@Test
	@Order(13)
	void loggingOutEverywhereEndsOtherSessionsAndRememberedLogIns() {
		Visitor here = new Visitor(this.port);
		here.logIn("alice", ALICE_PASSWORD, false);
		Visitor elsewhere = new Visitor(this.port);
		elsewhere.logIn("alice", ALICE_PASSWORD, false);
		Visitor remembered = new Visitor(this.port);
		remembered.logIn("alice", ALICE_PASSWORD, true);
		remembered.keepOnly(AccountSecurity.REMEMBER_ME_COOKIE);

		assertThat(location(here.submit("/settings", "/settings/sessions/end", Map.of())))
			.endsWith("/settings#account");

		assertThat(here.get("/").statusCode()).as("this browser stays").isEqualTo(200);
		assertThat(location(elsewhere.get("/"))).endsWith("/login");
		assertThat(location(remembered.get("/"))).endsWith("/login");
		assertThat(alicesApi().get("/api/account").status()).as("scripts with her password go on").isEqualTo(200);
	}

	@Test
	@Order(14)
	void anotherPersonCannotFetchDeleteOrSendSomeoneElsesFile() {
		Api alice = alicesApi();
		// Even the administrator: files are their owner's alone.
		Api other = root();
		Api.Reply uploaded = alice.upload("/api/attachments", "alices-notes.txt",
				"private notes".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(uploaded.status()).isEqualTo(201);
		String id = uploaded.body().get("id").asString();
		String othersConversation = other.post("/api/conversations", "{}").body().get("id").asString();

		for (String path : List.of("/api/attachments/" + id, "/api/attachments/" + id + "/content",
				"/api/attachments/" + id + "/thumbnail")) {
			Api.Reply reply = other.get(path);
			assertThat(reply.status()).as(path).isEqualTo(404);
			assertThat(reply.text()).as(path).doesNotContain("private notes").doesNotContain("alices-notes");
		}
		assertThat(other.call("DELETE", "/api/attachments/" + id, null).status()).isEqualTo(404);
		Api.Reply sent = other.post("/api/conversations/" + othersConversation + "/messages",
				"{\"content\":\"Whose notes?\",\"attachments\":[\"" + id + "\"]}");
		assertThat(sent.status()).isEqualTo(404);
		assertThat(other.get("/api/conversations/" + othersConversation).body().get("messages")).isEmpty();

		Api.Reply own = alice.get("/api/attachments/" + id + "/content");
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.text()).isEqualTo("private notes");
	}

	private Api root() {
		return Api.basic(this.port, "root", ROOT_PASSWORD);
	}

	private Api alicesApi() {
		return Api.basic(this.port, "alice", ALICE_PASSWORD);
	}

	private Api bobsApi() {
		return Api.basic(this.port, "bob", BOB_PASSWORD);
	}

}
