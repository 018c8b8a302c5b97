package dev.ponder.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Redis that tests of several instances run against: the one named by
 * {@code PONDER_TEST_REDIS_URL}, else the machine's own on 127.0.0.1:6379 when it
 * answers, else none, and those tests skip saying so. Every key Ponder writes names an
 * answer, so runs never see each other's.
 */
public final class RedisUnderTest {

	public static final String URL_VARIABLE = "PONDER_TEST_REDIS_URL";

	private static final String LOCAL = "redis://127.0.0.1:6379";

	private RedisUnderTest() {
	}

	public static String url() {
		return find().orElseThrow();
	}

	/** Whether there is a Redis to run against. */
	public static boolean available() {
		return find().isPresent();
	}

	private static Optional<String> find() {
		String named = System.getenv(URL_VARIABLE);
		String url = (named != null && !named.isBlank()) ? named : LOCAL;
		return answers(url) ? Optional.of(url) : Optional.empty();
	}

	/** Whether something listens where this URL points. */
	public static boolean answers(String url) {
		URI uri = URI.create(url);
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(uri.getHost(), (uri.getPort() > 0) ? uri.getPort() : 6379), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Skips a test class when there is no Redis to test against, and says how to get one.
	 */
	public static final class Required implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			return find().isPresent() ? ConditionEvaluationResult.enabled("Redis is available")
					: ConditionEvaluationResult.disabled("Tests of several instances skipped: no Redis answers on "
							+ LOCAL + " and " + URL_VARIABLE + " is not set (start one with: redis-server --daemonize "
							+ "yes --bind 127.0.0.1 --port 6379 --save \"\" --appendonly no)");
		}

	}

}
