package dev.ponder.attachment;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.ponder.account.AdministratorAvailable;

/**
 * Files uploaded while accounts were off have no owner: the first administrator gets
 * them, as they get the conversations those files belong to.
 */
@Component
class OwnerlessAttachments {

	private final AttachmentRepository attachments;

	OwnerlessAttachments(AttachmentRepository attachments) {
		this.attachments = attachments;
	}

	@EventListener
	@Transactional
	void handOver(AdministratorAvailable administrator) {
		this.attachments.adoptOwnerless(administrator.accountId());
	}

}
