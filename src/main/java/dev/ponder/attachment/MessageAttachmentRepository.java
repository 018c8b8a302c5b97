package dev.ponder.attachment;

import org.springframework.data.jpa.repository.JpaRepository;

interface MessageAttachmentRepository extends JpaRepository<MessageAttachment, MessageAttachment.Key> {

}
