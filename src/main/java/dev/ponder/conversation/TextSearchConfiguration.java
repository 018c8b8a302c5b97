package dev.ponder.conversation;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Picks the full-text search of the database Ponder runs on.
 */
@Configuration(proxyBeanMethods = false)
class TextSearchConfiguration {

	@Bean
	TextSearch textSearch(DataSource dataSource, JdbcClient jdbc) throws SQLException {
		String product;
		try {
			product = JdbcUtils.extractDatabaseMetaData(dataSource, (metadata) -> metadata.getDatabaseProductName());
		}
		catch (org.springframework.jdbc.support.MetaDataAccessException ex) {
			throw new SQLException("Cannot tell which database this is", ex);
		}
		DatabaseDriver driver = DatabaseDriver.fromProductName(product);
		return switch (driver) {
			case POSTGRESQL -> new PostgresTextSearch(jdbc);
			case H2 -> new H2TextSearch(jdbc);
			default ->
				throw new IllegalStateException("Ponder's search supports H2 and PostgreSQL, not " + product + ".");
		};
	}

}
