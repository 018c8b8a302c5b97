package dev.ponder.attachment;

import java.time.Clock;
import java.time.Duration;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.ponder.jobs.JobLocks;
import dev.ponder.jobs.LockedJob;

/**
 * Deletes files uploaded more than a day ago that no question took (a composer closed
 * before sending), and a directory store's files whose rows are gone, every 10 minutes,
 * on one instance at a time.
 */
@Component
class UnsentAttachmentSweeper {

	/** How long an upload waits for its question. */
	static final Duration UNSENT_FOR = Duration.ofHours(24);

	static final LockedJob JOB = new LockedJob("sweep-unsent-attachments", Duration.ofMinutes(10),
			Duration.ofMinutes(9));

	private final AttachmentCleanup attachments;

	private final JobLocks locks;

	private final Clock clock;

	UnsentAttachmentSweeper(AttachmentCleanup attachments, JobLocks locks, Clock clock) {
		this.attachments = attachments;
		this.locks = locks;
		this.clock = clock;
	}

	/** Sweeps, unless another instance does; says whether this one did. */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	boolean sweep() {
		return this.locks.runAlone(JOB, () -> {
			this.attachments.deleteUnsentBefore(this.clock.instant().minus(UNSENT_FOR));
			this.attachments.deleteOrphanedBytes();
		});
	}

}
