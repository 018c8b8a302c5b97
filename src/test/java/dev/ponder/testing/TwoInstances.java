package dev.ponder.testing;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two Ponders on one PostgreSQL schema, each on a random port, as two instances behind a
 * load balancer without sticky sessions. Started once for the test run, with accounts on
 * and an administrator made at start, and stopped with the JVM; test classes that use
 * them skip without PostgreSQL ({@link PostgresUnderTest.Required}).
 */
public final class TwoInstances {

	public static final String ADMIN = "root";

	public static final String ADMIN_PASSWORD = "root-password-1";

	private static TwoInstances running;

	private final ConfigurableApplicationContext a;

	private final ConfigurableApplicationContext b;

	private TwoInstances(ConfigurableApplicationContext a, ConfigurableApplicationContext b) {
		this.a = a;
		this.b = b;
	}

	public static synchronized TwoInstances get() {
		if (running == null) {
			// One schema for both: PostgresUnderTest makes a new one on each call.
			List<String> arguments = new ArrayList<>(PostgresUnderTest.arguments());
			arguments.addAll(StandaloneApp.arguments("--server.port=0", "--ponder.auth=accounts",
					"--ponder.admin.username=" + ADMIN, "--ponder.admin.password=" + ADMIN_PASSWORD,
					"--spring.main.banner-mode=off"));
			ConfigurableApplicationContext a = StandaloneApp.start(arguments);
			running = new TwoInstances(a, StandaloneApp.start(arguments));
		}
		return running;
	}

	public ConfigurableApplicationContext a() {
		return this.a;
	}

	public ConfigurableApplicationContext b() {
		return this.b;
	}

	public int portOfA() {
		return StandaloneApp.port(this.a);
	}

	public int portOfB() {
		return StandaloneApp.port(this.b);
	}

	/** The database both share. */
	public JdbcClient database() {
		return this.a.getBean(JdbcClient.class);
	}

}
