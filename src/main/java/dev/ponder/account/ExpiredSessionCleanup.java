package dev.ponder.account;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.ponder.jobs.JobLocks;
import dev.ponder.jobs.LockedJob;

/**
 * Deletes the sessions whose idle timeout has passed, once a minute on one instance. This
 * is the DELETE that Spring Session's own cleanup runs; that one would run on every
 * instance at once, deleting the same rows.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ExpiredSessionCleanup {

	static final LockedJob JOB = new LockedJob("delete-expired-sessions", Duration.ofMinutes(5),
			Duration.ofSeconds(50));

	private final JdbcClient jdbc;

	private final JobLocks locks;

	ExpiredSessionCleanup(JdbcClient jdbc, JobLocks locks) {
		this.jdbc = jdbc;
		this.locks = locks;
	}

	@Scheduled(cron = "0 * * * * *")
	void deleteExpired() {
		this.locks.runAlone(JOB, () -> this.jdbc.sql("DELETE FROM SPRING_SESSION WHERE EXPIRY_TIME < ?")
			// Spring Session times sessions by the system clock, not by Ponder's.
			.param(System.currentTimeMillis())
			.update());
	}

}
