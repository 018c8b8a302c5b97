package dev.ponder.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.ponder.account.CurrentOwner;
import dev.ponder.account.Owner;
import dev.ponder.attachment.AttachmentService;

/**
 * Where a call through the OpenAI-compatible API is kept. A client sends the whole thread
 * on every call; the thread before its last question either repeats one that an earlier
 * call saved (its fingerprint finds it) and goes on there, or starts a conversation that
 * holds it.
 */
@Service
@Transactional
public class ApiThreads {

	/**
	 * How many saved threads with the same fingerprint are looked at for one whose system
	 * prompt matches too: the same thread asked under several prompts is rare.
	 */
	private static final int CANDIDATES = 5;

	private final ConversationRepository conversations;

	private final MessageRepository messages;

	private final CurrentOwner owner;

	private final Clock clock;

	private final AttachmentService attachments;

	ApiThreads(ConversationRepository conversations, MessageRepository messages, CurrentOwner owner, Clock clock,
			AttachmentService attachments) {
		this.attachments = attachments;
		this.conversations = conversations;
		this.messages = messages;
		this.owner = owner;
		this.clock = clock;
	}

	/**
	 * One message of the thread a client sends, before its last question.
	 *
	 * @param role who said it
	 * @param content what was said, as text
	 * @param attachmentIds the files a question carried, uploaded already
	 */
	public record EarlierMessage(MessageRole role, String content, List<UUID> attachmentIds) {

		public EarlierMessage {
			Objects.requireNonNull(role, "role");
			content = (content != null) ? content : "";
			attachmentIds = (attachmentIds != null) ? List.copyOf(attachmentIds) : List.of();
		}

	}

	/**
	 * A saved conversation that a call goes on with, and the message it followed before:
	 * where it goes back to if the call is refused.
	 */
	public record Continued(UUID conversationId, UUID threadEndId, UUID formerLeafId) {
	}

	/**
	 * The saved conversation whose thread {@code earlier} repeats, under the same system
	 * prompt, made to follow that thread so that the next question goes on from it; the
	 * newest where several do.
	 */
	public Optional<Continued> continueThread(String systemPrompt, List<EarlierMessage> earlier) {
		if (earlier.isEmpty()) {
			return Optional.empty();
		}
		return savedThreadEnd(normalised(systemPrompt), earlier).map((end) -> {
			Conversation conversation = this.conversations.findById(end.getConversationId()).orElseThrow();
			UUID former = conversation.getActiveLeafId();
			conversation.follow(end.getId());
			return new Continued(conversation.getId(), end.getId(), former);
		});
	}

	/**
	 * Puts back the branch a conversation followed before a call that continued it was
	 * refused, unless something else moved it since.
	 */
	public void giveUp(Continued continued) {
		this.conversations.findById(continued.conversationId())
			.filter((conversation) -> Objects.equals(conversation.getActiveLeafId(), continued.threadEndId()))
			.ifPresent((conversation) -> conversation.follow(continued.formerLeafId()));
	}

	/**
	 * A new conversation of the person asking, made through the API, that holds
	 * {@code earlier} (its questions with their files) and is titled after its first
	 * question, or after the question to come. One not to be saved ({@code kept} false)
	 * is never listed, and is not found by {@link #continueThread}.
	 */
	public UUID startThread(String systemPrompt, List<EarlierMessage> earlier, boolean kept) {
		Instant now = this.clock.instant();
		Conversation conversation = this.conversations
			.save(Conversation.throughApi(this.owner.get().accountId(), null, normalised(systemPrompt), kept, now));
		Message previous = null;
		for (EarlierMessage said : earlier) {
			UUID parentId = (previous != null) ? previous.getId() : null;
			int position = (previous != null) ? previous.getPosition() + 1 : 0;
			Message message = (said.role() == MessageRole.USER)
					? Message.fromUser(conversation.getId(), parentId, position, said.content(), now)
					: Message.givenAnswer(conversation.getId(), parentId, position, said.content(), now);
			if (kept) {
				message.setThreadHash(ThreadHash.after(previous, message));
			}
			if (said.role() == MessageRole.USER) {
				conversation.titleFrom(said.content());
			}
			previous = this.messages.save(message);
			if (!said.attachmentIds().isEmpty()) {
				this.attachments.attach(conversation.getId(), previous.getId(), said.attachmentIds());
			}
		}
		if (previous != null) {
			conversation.follow(previous.getId());
		}
		return conversation.getId();
	}

	/**
	 * Removes a conversation that {@link #startThread} made for a question that was then
	 * refused (a spending limit, a model that cannot read its files): nothing of a
	 * refused call stays.
	 */
	public void discard(UUID conversationId) {
		this.conversations.findById(conversationId).ifPresent((conversation) -> {
			this.attachments.forgetConversation(conversationId);
			this.messages.deleteAllOfConversation(conversationId);
			this.conversations.delete(conversation);
		});
	}

	private static String normalised(String systemPrompt) {
		return (systemPrompt == null || systemPrompt.isBlank()) ? null : systemPrompt.strip();
	}

	private Optional<Message> savedThreadEnd(String systemPrompt, List<EarlierMessage> earlier) {
		String hash = null;
		for (EarlierMessage message : earlier) {
			hash = ThreadHash.next(hash, message.role(), message.content());
		}
		Owner current = this.owner.get();
		return this.messages
			.findThreadEnds(hash, current.isEveryone(), current.accountId(), PageRequest.ofSize(CANDIDATES))
			.stream()
			.filter((end) -> this.conversations.findById(end.getConversationId())
				.map((conversation) -> Objects.equals(conversation.getSystemPrompt(), systemPrompt))
				.orElse(false))
			.findFirst();
	}

}
