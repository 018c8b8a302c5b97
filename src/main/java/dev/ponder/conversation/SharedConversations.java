package dev.ponder.conversation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.ponder.attachment.AttachmentService;
import dev.ponder.attachment.AttachmentView;

/**
 * Reads what a share link shows, for whoever holds the link: the path of a conversation
 * from its first message to the message the link was made at. It asks nobody's ownership;
 * the link (dev.ponder.share) is the permission, and this is its one way in.
 */
@Component
public class SharedConversations {

	private final ConversationRepository conversations;

	private final MessageRepository messages;

	private final AttachmentService attachments;

	SharedConversations(ConversationRepository conversations, MessageRepository messages,
			AttachmentService attachments) {
		this.conversations = conversations;
		this.messages = messages;
		this.attachments = attachments;
	}

	/**
	 * The messages from the first to {@code leafId}, oldest first, each alone among its
	 * versions (a reader has no other); an answer still being written is left out. Empty
	 * when the conversation is deleted or the message is gone; an empty path for a
	 * conversation shared before its first message.
	 * @param withCosts whether the answers keep their cost (the owner's choice)
	 */
	@Transactional(readOnly = true)
	public Optional<List<MessageView>> path(UUID conversationId, UUID leafId, boolean withCosts) {
		Optional<Conversation> conversation = this.conversations.findById(conversationId)
			.filter((found) -> found.getDeletedAt() == null);
		if (conversation.isEmpty()) {
			return Optional.empty();
		}
		if (leafId == null) {
			return Optional.of(List.of());
		}
		ConversationTree tree = new ConversationTree(this.messages.findByConversationIdOrderByPosition(conversationId));
		return tree.get(leafId).map((leaf) -> views(tree.pathFromRoot(leaf), withCosts));
	}

	private List<MessageView> views(List<Message> path, boolean withCosts) {
		List<Message> shown = path.stream()
			.filter((message) -> message.getStatus() != MessageStatus.STREAMING)
			.toList();
		Map<UUID, List<AttachmentView>> files = this.attachments.byMessage(
				shown.stream().filter((message) -> message.getRole() == MessageRole.USER).map(Message::getId).toList());
		return shown.stream()
			.map((message) -> MessageView.of(message).withAttachments(files.getOrDefault(message.getId(), List.of())))
			.map((view) -> withCosts ? view : view.withoutCosts())
			.toList();
	}

}
