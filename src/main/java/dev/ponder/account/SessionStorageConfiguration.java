package dev.ponder.account;

import java.time.Duration;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.session.autoconfigure.SessionTimeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.FlushMode;
import org.springframework.session.SaveMode;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Log-in sessions in the database (Spring Session JDBC, tables {@code SPRING_SESSION*}
 * made by Flyway), always: with several instances any of them serves any browser, and a
 * single instance keeps its sessions over a restart.
 * <p>
 * The repository is made here rather than by Spring Boot, to put
 * {@link SparseTouchSessionRepository} in front of it; Boot's JDBC session
 * auto-configuration then stands back, and with it its schema initialiser and cleanup job
 * ({@link ExpiredSessionCleanup} runs that on one instance at a time).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableSpringHttpSession
class SessionStorageConfiguration {

	/**
	 * H2's upsert for a session attribute (PostgreSQL's is Spring Session's own
	 * customizer): two requests of one session that add the same attribute at once would
	 * otherwise fail on the second insert.
	 */
	private static final String H2_CREATE_SESSION_ATTRIBUTE = """
			MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)""";

	@Bean
	SparseTouchSessionRepository<?> sessionRepository(DataSource dataSource,
			PlatformTransactionManager transactionManager, SessionTimeout timeout) {
		// Session reads and writes commit on their own, whatever the request is in.
		TransactionTemplate ownTransactions = new TransactionTemplate(transactionManager);
		ownTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		JdbcIndexedSessionRepository sessions = new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource),
				ownTransactions);
		Duration idle = timeout.getTimeout();
		if (idle != null) {
			sessions.setDefaultMaxInactiveInterval(idle);
		}
		// Written once, at the end of a request (or when its response is first flushed,
		// which for a stream is its first event): never while an answer streams, and
		// nothing at all when nothing changed. Only attributes set again are written.
		sessions.setFlushMode(FlushMode.ON_SAVE);
		sessions.setSaveMode(SaveMode.ON_SET_ATTRIBUTE);
		sessions.setCleanupCron(Scheduled.CRON_DISABLED);
		sessions.setConversionService(attributeConversions());
		switch (database(dataSource)) {
			case POSTGRESQL -> new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(sessions);
			case H2 -> sessions.setCreateSessionAttributeQuery(H2_CREATE_SESSION_ATTRIBUTE);
			default -> {
			}
		}
		return new SparseTouchSessionRepository<>(sessions);
	}

	private static DatabaseDriver database(DataSource dataSource) {
		try {
			return DatabaseDriver.fromProductName(
					JdbcUtils.extractDatabaseMetaData(dataSource, (metadata) -> metadata.getDatabaseProductName()));
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Cannot tell which database stores the sessions", ex);
		}
	}

	/**
	 * Attributes are stored Java-serialised, read with Ponder's class loader.
	 */
	private static GenericConversionService attributeConversions() {
		GenericConversionService conversions = new GenericConversionService();
		conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
		conversions.addConverter(byte[].class, Object.class,
				new UnreadableAsAbsent(new DeserializingConverter(SessionStorageConfiguration.class.getClassLoader())));
		return conversions;
	}

	/**
	 * An attribute that cannot be read any more (stored by an earlier Ponder whose
	 * classes have changed since) reads as absent: its browser is asked to log in again,
	 * instead of failing on every request until the session expires.
	 */
	private record UnreadableAsAbsent(Converter<byte[], Object> reader) implements Converter<byte[], Object> {

		private static final Logger logger = LoggerFactory.getLogger(UnreadableAsAbsent.class);

		@Override
		public @Nullable Object convert(byte[] stored) {
			try {
				return this.reader.convert(stored);
			}
			catch (SerializationFailedException ex) {
				logger.debug("A stored session attribute could not be read; it counts as absent", ex);
				return null;
			}
		}

	}

}
