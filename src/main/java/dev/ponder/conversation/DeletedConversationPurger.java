package dev.ponder.conversation;

import java.time.Duration;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.ponder.jobs.JobLocks;
import dev.ponder.jobs.LockedJob;

/**
 * Deletes for good the conversations whose undo window has passed, every 10 s, on one
 * instance at a time.
 */
@Component
class DeletedConversationPurger {

	/**
	 * A purge is one DELETE: a minute is far longer than it takes. Held 9 s after it
	 * ends, so that the cluster purges about once per 10 s whatever the number of
	 * instances.
	 */
	static final LockedJob JOB = new LockedJob("purge-deleted-conversations", Duration.ofMinutes(1),
			Duration.ofSeconds(9));

	private final ConversationService conversations;

	private final JobLocks locks;

	DeletedConversationPurger(ConversationService conversations, JobLocks locks) {
		this.conversations = conversations;
		this.locks = locks;
	}

	/** Purges, unless another instance does; says whether this one did. */
	@Scheduled(fixedDelayString = "PT10S", initialDelayString = "PT10S")
	boolean purge() {
		return this.locks.runAlone(JOB, this.conversations::purgeDeleted);
	}

}
