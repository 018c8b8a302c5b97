package dev.ponder.health;

import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import dev.ponder.testing.AppTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness tells the truth about the database: down while it cannot take a write, up
 * again by itself once it can.
 */
class ReadinessTest extends AppTestSupport {

	@Autowired
	DataSource dataSource;

	@Test
	void readinessIsDownWhileTheDatabaseCannotBeWrittenAndComesBackByItself() throws Exception {
		assertThat(exchange(HttpMethod.GET, "/actuator/health/readiness", null).status()).isEqualTo(200);

		try (Connection blocker = this.dataSource.getConnection()) {
			blocker.setAutoCommit(false);
			try (Statement statement = blocker.createStatement()) {
				// Holds the row the probe writes, as a stuck or broken database would.
				statement.execute("SELECT * FROM health_probe WHERE id = 1 FOR UPDATE");
				Reply whileLocked = exchange(HttpMethod.GET, "/actuator/health/readiness", null);
				assertThat(whileLocked.status()).isEqualTo(503);
				assertThat(whileLocked.body().get("status").asString()).isEqualTo("DOWN");
			}
			blocker.rollback();
		}

		assertThat(exchange(HttpMethod.GET, "/actuator/health/readiness", null).status()).isEqualTo(200);
		assertThat(exchange(HttpMethod.GET, "/actuator/health/liveness", null).status()).isEqualTo(200);
	}

}
