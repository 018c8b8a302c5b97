package dev.ponder.attachment;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes files nobody can reach any more: those of purged conversations, uploads no
 * question took, and a directory's bytes whose rows are gone.
 */
@Service
@Transactional
public class AttachmentCleanup {

	private final AttachmentRepository attachments;

	private final AttachmentStore store;

	private final TransactionTemplate apart;

	AttachmentCleanup(AttachmentRepository attachments, AttachmentStore store,
			PlatformTransactionManager transactions) {
		this.attachments = attachments;
		this.store = store;
		// After a commit, a query would still join the finished transaction: ask in a new
		// one.
		this.apart = new TransactionTemplate(transactions);
		this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.apart.setReadOnly(true);
	}

	/**
	 * Notes the files of conversations about to be purged, so that a directory store
	 * deletes their bytes once the purge commits (the database deletes the rows).
	 */
	public void purging(Instant deletedBefore) {
		List<UUID> doomed = this.attachments.findInConversationsDeletedBefore(deletedBefore);
		if (!doomed.isEmpty()) {
			// Picked before the purge ran: a conversation restored in between keeps its
			// rows, so only the bytes of rows really gone are deleted.
			AfterTransaction.commit(() -> this.store.delete(gone(doomed)));
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

	private List<UUID> gone(List<UUID> ids) {
		Set<UUID> existing = new HashSet<>(this.apart.execute((status) -> this.attachments.findExisting(ids)));
		return ids.stream().filter((id) -> !existing.contains(id)).toList();
	}

}
