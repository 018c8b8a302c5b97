package dev.ponder.account;

import java.time.Duration;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.ponder.jobs.JobLocks;
import dev.ponder.jobs.LockedJob;

/**
 * Deletes the log-in throttle's counts that are old enough to be forgotten, every ten
 * minutes on one instance. Until then an old count is ignored, not trusted: this only
 * keeps the table small.
 */
@Component
class LoginThrottleCleanup {

	static final LockedJob JOB = new LockedJob("forget-old-login-failures", Duration.ofMinutes(9),
			Duration.ofMinutes(9));

	private final LoginThrottle throttle;

	private final JobLocks locks;

	LoginThrottleCleanup(LoginThrottle throttle, JobLocks locks) {
		this.throttle = throttle;
		this.locks = locks;
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	void forgetOldFailures() {
		this.locks.runAlone(JOB, this.throttle::forgetOldFailures);
	}

}
