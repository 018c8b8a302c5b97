package dev.ponder.jobs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs background jobs on one instance at a time, through a lock in the database
 * (ShedLock's {@code shedlock} table). An instance that finds a job's lock taken skips
 * that turn: another instance is doing, or has just done, the work.
 * <p>
 * The lock's times come from the database's clock, so that instances whose clocks
 * disagree still agree on when a lock ends. Each lock row names the instance that took it
 * last ({@link #instance()}): the host and a random part, because instances on one host
 * are otherwise alike.
 */
@Component
public class JobLocks {

	private final String instance;

	private final LockProvider locks;

	JobLocks(DataSource dataSource) {
		this.instance = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
		this.locks = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTableName("shedlock")
			.withLockedByValue(this.instance)
			.usingDbTime()
			.build());
	}

	/**
	 * Runs the job here if no other instance holds its lock.
	 * @return whether it ran here
	 */
	public boolean runAlone(LockedJob job, Runnable work) {
		Optional<SimpleLock> lock = this.locks
			.lock(new LockConfiguration(ClockProvider.now(), job.name(), job.lockAtMostFor(), job.lockAtLeastFor()));
		if (lock.isEmpty()) {
			return false;
		}
		try {
			work.run();
			return true;
		}
		finally {
			lock.get().unlock();
		}
	}

	/** How this instance signs the locks it takes. */
	public String instance() {
		return this.instance;
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown-host";
		}
	}

}
