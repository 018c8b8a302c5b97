package dev.ponder.health;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Ready only while the database takes writes ({@code databaseWrites} in the readiness
 * group). Spring's own {@code db} check asks whether a connection is valid, which a
 * database that has closed its files after an I/O failure still answers: every write then
 * fails while health says {@code UP}. This writes one row instead.
 * <p>
 * A failed write also retires the pool's connections, so that once the database can be
 * written again fresh connections find it, and readiness comes back by itself.
 */
@Component
class DatabaseWritesHealthIndicator extends AbstractHealthIndicator {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseWritesHealthIndicator.class);

	/** Longer than any healthy write, shorter than a load balancer's probe timeout. */
	private static final int TIMEOUT_SECONDS = 2;

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	private final Clock clock;

	DatabaseWritesHealthIndicator(DataSource dataSource, Clock clock) {
		super("The database does not take writes");
		this.dataSource = dataSource;
		this.clock = clock;
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setQueryTimeout(TIMEOUT_SECONDS);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		try {
			int rows = this.jdbc.update("UPDATE health_probe SET checked_at = ? WHERE id = 1",
					Timestamp.from(this.clock.instant()));
			if (rows != 1) {
				builder.down().withDetail("reason", "the health_probe row is missing");
				return;
			}
			builder.up();
		}
		catch (DataAccessException ex) {
			logger.warn("The database does not take writes: readiness is DOWN ({})",
					ex.getMostSpecificCause().toString());
			retireConnections();
			builder.down().withDetail("reason", ex.getClass().getSimpleName());
		}
	}

	private void retireConnections() {
		try {
			if (this.dataSource.isWrapperFor(HikariDataSource.class)) {
				HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
				HikariPoolMXBean connections = pool.getHikariPoolMXBean();
				if (connections != null) {
					connections.softEvictConnections();
				}
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not retire the pool's connections", ex);
		}
	}

}
