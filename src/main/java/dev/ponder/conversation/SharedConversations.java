package dev.ponder.conversation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.ponder.attachment.AttachmentService;
import dev.ponder.attachment.AttachmentView;
import dev.ponder.problem.ErrorCode;

/**
 * Reads for share links (dev.ponder.share): for the owner, where their conversation
 * stands when they share it; for whoever holds a link, the path of the conversation from
 * its first message to the message the link was made at. The second asks nobody's
 * ownership: the link is the permission, and this is its one way in.
 */
@Component
public class SharedConversations {

	private final ConversationRepository conversations;

	private final MessageRepository messages;

	private final AttachmentService attachments;

	private final OwnedConversations owned;

	SharedConversations(ConversationRepository conversations, MessageRepository messages, AttachmentService attachments,
			OwnedConversations owned) {
		this.conversations = conversations;
		this.messages = messages;
		this.attachments = attachments;
		this.owned = owned;
	}

	/**
	 * Where the person's conversation stands: the last message of the branch it follows
	 * and its title, what a link made now shows. Only the tree is read, none of the files
	 * or totals the chat page needs. Empty for a conversation that is deleted, unknown or
	 * someone else's.
	 */
	@Transactional(readOnly = true)
	public Optional<Moment> now(UUID conversationId) {
		return this.owned.visible(conversationId).map((conversation) -> {
			List<Message> branch = new ConversationTree(
					this.messages.findByConversationIdOrderByPosition(conversationId))
				.path(null, conversation.getActiveLeafId());
			return new Moment(branch.isEmpty() ? null : branch.get(branch.size() - 1).getId(), conversation.getTitle());
		});
	}

	/**
	 * The messages from the first to {@code leafId}, oldest first, each alone among its
	 * versions (a reader has no other), a failed one saying only why in Ponder's words;
	 * an answer still being written is left out until it ends. Empty when the
	 * conversation is deleted or the message is gone; an empty path for a conversation
	 * shared before its first message.
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
			.map((view) -> (view.error() != null) ? view.withError(inOwnWords(view.error())) : view)
			.toList();
	}

	/**
	 * A failed answer's reason in its error code's own sentence ("Out of credits."): the
	 * upstream's text can tell a reader the owner's affairs ("…but can only afford 3021
	 * tokens").
	 */
	private static MessageView.ErrorView inOwnWords(MessageView.ErrorView error) {
		return new MessageView.ErrorView(error.code(),
				ErrorCode.of(error.code()).map((code) -> code.title() + ".").orElse("The answer failed."));
	}

	/**
	 * A conversation at the moment it is shared.
	 *
	 * @param leafId the last message of the branch it follows; {@code null} before its
	 * first message
	 * @param title its title
	 */
	public record Moment(UUID leafId, String title) {
	}

}
