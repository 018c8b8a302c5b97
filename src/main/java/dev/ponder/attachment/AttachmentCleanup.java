package dev.ponder.attachment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes files nobody can reach any more: those of purged conversations, uploads no
 * question took, and a directory's bytes whose rows are gone.
 */
@Service
@Transactional
public class AttachmentCleanup {

	private final AttachmentRepository attachments;

	private final AttachmentStore store;

	AttachmentCleanup(AttachmentRepository attachments, AttachmentStore store) {
		this.attachments = attachments;
		this.store = store;
	}

	/**
	 * Notes the files of conversations about to be purged, so that a directory store
	 * deletes their bytes once the purge commits (the database deletes the rows).
	 */
	public void purging(Instant deletedBefore) {
		List<UUID> doomed = this.attachments.findInConversationsDeletedBefore(deletedBefore);
		if (!doomed.isEmpty()) {
			AfterTransaction.commit(() -> this.store.delete(doomed));
		}
	}

	/** Deletes files uploaded before the cutoff that no question took. */
	public int deleteUnsentBefore(Instant cutoff) {
		List<UUID> unsent = this.attachments.findUnsentBefore(cutoff);
		if (!unsent.isEmpty()) {
			this.attachments.deleteByIds(unsent);
			AfterTransaction.commit(() -> this.store.delete(unsent));
		}
		return unsent.size();
	}

	/** Deletes bytes whose row is gone (a directory store's files). */
	public int deleteOrphanedBytes() {
		return this.store.deleteOrphans(this.attachments::findExisting);
	}

}
