package dev.ponder.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL that tests run against: a Testcontainers one where Docker runs, else the
 * server named by {@code PONDER_TEST_POSTGRES_URL} (CI points it at the local one), else
 * none, and the tests skip saying so. Each test class gets a schema of its own, so runs
 * never see each other.
 */
public final class PostgresUnderTest {

	public static final String URL_VARIABLE = "PONDER_TEST_POSTGRES_URL";

	/** Why there is none, and how to get one. */
	public static final String HOW_TO_GET_ONE = "Docker is not running and " + URL_VARIABLE
			+ " is not set (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres)";

	private static PostgreSQLContainer container;

	private PostgresUnderTest() {
	}

	/**
	 * Points the datasource and Flyway at a fresh schema of the PostgreSQL under test.
	 */
	public static void register(DynamicPropertyRegistry registry) {
		String baseUrl = baseUrl().orElseThrow();
		String schema = "ponder_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String separator = baseUrl.contains("?") ? "&" : "?";
		registry.add("spring.datasource.url", () -> baseUrl + separator + "currentSchema=" + schema);
		registry.add("spring.flyway.schemas", () -> schema);
		// Each test context keeps its pool while it stays cached, and a run caches many:
		// at Hikari's ten connections each they came to more than the server's hundred
		// ("too many clients already"). A few, let go of when idle, are plenty for a
		// test.
		registry.add("spring.datasource.hikari.maximum-pool-size", () -> "5");
		registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
		registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
		if (container != null) {
			registry.add("spring.datasource.username", container::getUsername);
			registry.add("spring.datasource.password", container::getPassword);
		}
		else {
			// application.yml names H2's user: name the one the URL gives, or
			// PostgreSQL's default.
			registry.add("spring.datasource.username", () -> queryParameter(baseUrl, "user").orElse("postgres"));
			registry.add("spring.datasource.password", () -> queryParameter(baseUrl, "password").orElse(""));
		}
	}

	/**
	 * The same settings as {@link #register}, as command-line arguments, for a Ponder
	 * started apart from the test context.
	 */
	public static List<String> arguments() {
		List<String> arguments = new ArrayList<>();
		register((name, value) -> arguments.add("--" + name + "=" + value.get()));
		return arguments;
	}

	/**
	 * Whether there is a PostgreSQL to run against (starting its container if need be).
	 */
	public static boolean available() {
		return baseUrl().isPresent();
	}

	/**
	 * Skips a test class, before its Spring context is built, when there is no PostgreSQL
	 * to test against, and says how to get one.
	 */
	public static final class Required implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			return available() ? ConditionEvaluationResult.enabled("PostgreSQL is available")
					: ConditionEvaluationResult.disabled("PostgreSQL tests skipped: " + HOW_TO_GET_ONE);
		}

	}

	private static Optional<String> queryParameter(String url, String name) {
		int query = url.indexOf('?');
		if (query < 0) {
			return Optional.empty();
		}
		for (String pair : url.substring(query + 1).split("&")) {
			if (pair.startsWith(name + "=")) {
				return Optional.of(pair.substring(name.length() + 1));
			}
		}
		return Optional.empty();
	}

	private static synchronized Optional<String> baseUrl() {
		if (container != null) {
			return Optional.of(container.getJdbcUrl());
		}
		if (dockerRuns()) {
			container = new PostgreSQLContainer("postgres:17-alpine");
			container.start();
			return Optional.of(container.getJdbcUrl());
		}
		return Optional.ofNullable(System.getenv(URL_VARIABLE)).filter((url) -> !url.isBlank());
	}

	private static boolean dockerRuns() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
