package dev.ponder.account;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import dev.ponder.testing.Api;
import dev.ponder.testing.AtOnce;
import dev.ponder.testing.Chunks;
import dev.ponder.testing.FakeUpstream;
import dev.ponder.testing.Gate;
import dev.ponder.testing.PostgresUnderTest;
import dev.ponder.testing.Script;
import dev.ponder.testing.SharedUpstream;
import dev.ponder.testing.TwoInstances;
import dev.ponder.testing.Visitor;

import static dev.ponder.testing.Visitor.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances behind one address with no sticky sessions: a browser's requests land on
 * either, and what it did on one holds on the other. Sessions, their ending and the
 * log-in throttle live in the one PostgreSQL both use.
 */
@ExtendWith(PostgresUnderTest.Required.class)
class TwoInstancesAccountsTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final TwoInstances instances = TwoInstances.get();

	private final int a = this.instances.portOfA();

	private final int b = this.instances.portOfB();

	@Test
	void logInThroughOneInstanceAndCarryOnThroughTheOther() {
		String password = newPerson("ada");
		Visitor onA = new Visitor(this.a);
		assertThat(location(onA.logIn("ada", password, false))).endsWith("/");

		Visitor onB = onA.at(this.b);
		assertThat(onB.get("/").statusCode()).as("the session made on A, on B").isEqualTo(200);
		String csrfFromA = Visitor.csrfTokenOf(onA.get("/").body());
		assertThat(onB.postJson("/api/conversations", "{\"title\":\"Made on B\"}", csrfFromA).statusCode())
			.as("the CSRF token kept in the session on A, accepted on B")
			.isEqualTo(201);
		assertThat(location(onB.submit("/settings", "/logout", Map.of()))).endsWith("/login?logout");
		assertThat(location(onA.get("/"))).as("logged out on B, out on A").endsWith("/login");
	}

	@Test
	void loggingOutEverywhereElseOnOneInstanceEndsTheSessionsUsedOnTheOther() {
		String password = newPerson("bea");
		Visitor here = new Visitor(this.a);
		here.logIn("bea", password, false);
		Visitor elsewhere = new Visitor(this.b);
		elsewhere.logIn("bea", password, false);
		Visitor remembered = new Visitor(this.b);
		remembered.logIn("bea", password, true);
		remembered.keepOnly(AccountSecurity.REMEMBER_ME_COOKIE);
		assertThat(storedSessionsOf("bea")).isEqualTo(3);

		assertThat(location(here.submit("/settings", "/settings/sessions/end", Map.of())))
			.endsWith("/settings#account");

		assertThat(storedSessionsOf("bea")).as("the others are gone from the store").isEqualTo(1);
		assertThat(location(elsewhere.get("/"))).endsWith("/login");
		assertThat(location(remembered.get("/"))).endsWith("/login");
		assertThat(here.at(this.b).get("/").statusCode()).as("the browser that asked stays, on either instance")
			.isEqualTo(200);
	}

	@Test
	void aPasswordChangedOnOneInstanceEndsTheOtherSessionsOnTheOther() {
		String password = newPerson("cleo");
		Visitor changing = new Visitor(this.a);
		changing.logIn("cleo", password, false);
		Visitor otherDevice = new Visitor(this.b);
		otherDevice.logIn("cleo", password, true);

		changing.submit("/settings", "/settings/password",
				Map.of("current", password, "password", "cleo-password-2", "confirm", "cleo-password-2"));

		assertThat(location(otherDevice.get("/"))).endsWith("/login");
		otherDevice.keepOnly(AccountSecurity.REMEMBER_ME_COOKIE);
		assertThat(location(otherDevice.get("/"))).as("its remember-me cookie signed the old password")
			.endsWith("/login");
		assertThat(Api.basic(this.b, "cleo", password).get("/api/account").status()).isEqualTo(401);
		assertThat(Api.basic(this.b, "cleo", "cleo-password-2").get("/api/account").status()).isEqualTo(200);
		assertThat(changing.at(this.b).get("/").statusCode()).isEqualTo(200);
	}

	@Test
	void disablingSomeoneOnOneInstanceLocksThemOutOnTheOther() {
		String password = newPerson("dora");
		Visitor browser = new Visitor(this.b);
		browser.logIn("dora", password, true);
		String id = Api.basic(this.b, "dora", password).get("/api/account").body().get("id").asString();

		assertThat(admin(this.a).call("PATCH", "/api/admin/users/" + id, "{\"disabled\":true}").status())
			.isEqualTo(200);

		assertThat(storedSessionsOf("dora")).isZero();
		assertThat(location(browser.get("/"))).endsWith("/login");
		Api.Reply script = Api.basic(this.b, "dora", password).get("/api/account");
		assertThat(script.status()).isEqualTo(401);
		assertThat(script.body().get("code").asString()).isEqualTo("account_disabled");
	}

	@Test
	void failedLogInsOnEitherInstanceCountTogether() {
		for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
			int port = (i % 2 == 0) ? this.a : this.b;
			assertThat(Api.basic(port, "erin", "guess-" + i).get("/api/account").status()).isEqualTo(401);
		}

		for (int port : List.of(this.a, this.b)) {
			Api.Reply refused = Api.basic(port, "erin", "one-more-guess").get("/api/account");
			assertThat(refused.status()).isEqualTo(429);
			assertThat(refused.body().get("code").asString()).isEqualTo("too_many_log_ins");
			assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 30L);
		}
	}

	@Test
	void guessesSentToBothInstancesAtOnceAreCountedBeforeTheirPasswordsAreChecked() {
		int tries = 16;
		List<Supplier<Integer>> guesses = new ArrayList<>();
		for (int i = 0; i < tries; i++) {
			Api guesser = Api.basic((i % 2 == 0) ? this.a : this.b, "fay", "guess-" + i);
			guesses.add(() -> guesser.get("/api/account").status());
		}

		List<Integer> statuses = AtOnce.call(guesses);

		assertThat(statuses).filteredOn((status) -> status == 401)
			.as("passwords checked")
			.hasSize(LoginThrottle.FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS);
		assertThat(statuses).filteredOn((status) -> status == 429)
			.hasSize(tries - LoginThrottle.FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS);
	}

	@Test
	void requestsThatChangeNothingWriteNothingToTheStoredSession() {
		String password = newPerson("gus");
		Visitor browser = new Visitor(this.a);
		browser.logIn("gus", password, false);
		long lastAccess = lastAccessOf("gus");

		for (int i = 0; i < 3; i++) {
			assertThat(browser.get("/").statusCode()).isEqualTo(200);
			assertThat(browser.at(this.b).get("/api/conversations").statusCode()).isEqualTo(200);
		}

		assertThat(lastAccessOf("gus")).as("touched at most once a minute").isEqualTo(lastAccess);
	}

	@Test
	void anAnswerStreamingToALoggedInBrowserHoldsNoDatabaseConnection() throws Exception {
		String password = newPerson("hal");
		Visitor browser = new Visitor(this.a);
		browser.logIn("hal", password, false);
		String csrf = Visitor.csrfTokenOf(browser.get("/").body());
		String conversation = json.readTree(browser.postJson("/api/conversations", "{}", csrf).body())
			.get("id")
			.asString();
		FakeUpstream upstream = SharedUpstream.get();
		upstream.reset();
		Gate held = new Gate();
		upstream.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning("Thinking it over"))
			.waitFor(held)
			.chunk(Chunks.content("Done."))
			.chunk(Chunks.finish("stop"))
			.done());

		CompletableFuture<HttpResponse<String>> answer = browser.postJsonAsync(
				"/api/conversations/" + conversation + "/messages", "{\"content\":\"Take your time\"}", csrf);
		held.awaitReached(Duration.ofSeconds(15));

		HikariPoolMXBean pool = ((HikariDataSource) this.instances.a().getBean(DataSource.class)).getHikariPoolMXBean();
		await().atMost(Duration.ofSeconds(10)).until(() -> pool.getActiveConnections() == 0);
		assertThat(answer).as("still streaming").isNotDone();
		held.open();
		assertThat(answer.get(30, TimeUnit.SECONDS).body()).contains("event:done");
	}

	/** Makes an ordinary account through the administrator, and gives its password. */
	private String newPerson(String username) {
		String password = username + "-password-1";
		assertThat(admin(this.a)
			.post("/api/admin/users", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
			.status()).isEqualTo(201);
		return password;
	}

	private static Api admin(int port) {
		return Api.basic(port, TwoInstances.ADMIN, TwoInstances.ADMIN_PASSWORD);
	}

	private int storedSessionsOf(String username) {
		return this.instances.database()
			.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?")
			.param(username)
			.query(Integer.class)
			.single();
	}

	private long lastAccessOf(String username) {
		return this.instances.database()
			.sql("SELECT LAST_ACCESS_TIME FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?")
			.param(username)
			.query(Long.class)
			.single();
	}

}
