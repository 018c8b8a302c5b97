package dev.ponder.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.ponder.account.CurrentOwner;
import dev.ponder.account.Owner;
import dev.ponder.attachment.AttachmentCleanup;
import dev.ponder.attachment.AttachmentService;
import dev.ponder.attachment.AttachmentView;

/**
 * Creates, lists, searches, reads, renames, pins and deletes conversations.
 */
@Service
@Transactional(readOnly = true)
public class ConversationService {

	/** How long a deleted conversation can still be restored. */
	public static final Duration UNDO_WINDOW = Duration.ofSeconds(30);

	private static final int MATCHES_PER_CONVERSATION = 3;

	private static final int SEARCH_ROW_LIMIT = 500;

	private final ConversationRepository conversations;

	private final MessageRepository messages;

	private final TextSearch textSearch;

	private final CurrentOwner owner;

	private final OwnedConversations owned;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final AttachmentService attachments;

	private final AttachmentCleanup cleanup;

	public ConversationService(ConversationRepository conversations, MessageRepository messages, TextSearch textSearch,
			CurrentOwner owner, OwnedConversations owned, Clock clock, ApplicationEventPublisher events,
			AttachmentService attachments, AttachmentCleanup cleanup) {
		this.attachments = attachments;
		this.cleanup = cleanup;
		this.owned = owned;
		this.events = events;
		this.conversations = conversations;
		this.messages = messages;
		this.textSearch = textSearch;
		this.owner = owner;
		this.clock = clock;
	}

	@Transactional
	public ConversationSummary create(String title) {
		return create(title, null);
	}

	/** A new conversation, with a system prompt or none. */
	@Transactional
	public ConversationSummary create(String title, String systemPrompt) {
		Conversation conversation = new Conversation(this.owner.get().accountId(), title, this.clock.instant());
		conversation.setSystemPrompt(systemPrompt);
		return ConversationSummary.of(this.conversations.save(conversation));
	}

	/** One page of the sidebar: pinned first, then the most recently active. */
	public List<ConversationSummary> page(int page, int size) {
		Owner current = this.owner.get();
		PageRequest request = PageRequest.of(page, size);
		return (current.isEveryone()
				? this.conversations.findByDeletedAtIsNullAndKeptTrueOrderByPinnedDescUpdatedAtDesc(request)
				: this.conversations.findByOwnerIdAndDeletedAtIsNullAndKeptTrueOrderByPinnedDescUpdatedAtDesc(
						current.accountId(), request))
			.stream()
			.map(ConversationSummary::listed)
			.toList();
	}

	/** The first page of the sidebar. */
	public List<ConversationSummary> recent(int limit) {
		return page(0, limit);
	}

	/**
	 * Conversations whose title, questions, answers or reasoning hold every word of the
	 * query, the most recently active first, each with where it matched.
	 */
	public List<SearchResult> search(String query, int page, int size) {
		if (query == null || query.isBlank()) {
			return List.of();
		}
		TextSearch.Hits hits = this.textSearch.find(query.strip(), this.owner.get().accountId(), SEARCH_ROW_LIMIT);
		Map<UUID, List<Message>> messagesByConversation = new LinkedHashMap<>();
		this.messages.findAllById(hits.messageIds())
			.forEach((message) -> messagesByConversation
				.computeIfAbsent(message.getConversationId(), (id) -> new ArrayList<>())
				.add(message));
		List<UUID> ids = new ArrayList<>(messagesByConversation.keySet());
		ids.addAll(hits.conversationIds());
		Excerpts excerpts = new Excerpts(query);
		Owner current = this.owner.get();
		return this.conversations.findByIdInAndDeletedAtIsNullAndKeptTrue(ids)
			.stream()
			.filter((conversation) -> current.owns(conversation.getOwnerId()))
			.sorted(Comparator.comparing(Conversation::getUpdatedAt).reversed())
			.skip((long) page * size)
			.limit(size)
			.map((conversation) -> result(conversation,
					messagesByConversation.getOrDefault(conversation.getId(), List.of()), excerpts))
			.toList();
	}

	private static SearchResult result(Conversation conversation, List<Message> matched, Excerpts excerpts) {
		List<SearchResult.Match> matches = new ArrayList<>();
		excerpts.find(conversation.getTitle(), null, "title").ifPresent(matches::add);
		excerpts.find(conversation.getSystemPrompt(), null, "systemPrompt").ifPresent(matches::add);
		matched.stream()
			.sorted(Comparator.comparing(Message::getCreatedAt).reversed())
			.map((message) -> match(message, excerpts))
			.flatMap(Optional::stream)
			.limit(MATCHES_PER_CONVERSATION - matches.size())
			.forEach(matches::add);
		return new SearchResult(conversation.getId(), conversation.getTitle(), conversation.getCreatedAt(),
				conversation.getUpdatedAt(), conversation.isPinned(), matches);
	}

	private static Optional<SearchResult.Match> match(Message message, Excerpts excerpts) {
		if (message.getRole() == MessageRole.USER) {
			return excerpts.find(message.getContent(), message.getId(), "question");
		}
		return excerpts.find(message.getContent(), message.getId(), "answer")
			.or(() -> excerpts.find(message.getReasoning(), message.getId(), "reasoning"));
	}

	/** The conversation along the branch it follows. */
	public Optional<ConversationDetails> find(UUID id) {
		return find(id, null);
	}

	/**
	 * The conversation along the branch through {@code through}, or the one it follows.
	 */
	public Optional<ConversationDetails> find(UUID id, UUID through) {
		return visible(id).map((conversation) -> details(conversation, through));
	}

	private ConversationDetails details(Conversation conversation, UUID through) {
		ConversationTree tree = new ConversationTree(
				this.messages.findByConversationIdOrderByPosition(conversation.getId()));
		List<Message> branch = tree.path(through, conversation.getActiveLeafId());
		Map<UUID, List<AttachmentView>> files = this.attachments.byMessage(branch.stream()
			.filter((message) -> message.getRole() == MessageRole.USER)
			.map(Message::getId)
			.toList());
		List<MessageView> path = branch.stream()
			.map((message) -> MessageView.of(message, tree.siblingsOf(message))
				.withAttachments(files.getOrDefault(message.getId(), List.of())))
			.toList();
		return new ConversationDetails(conversation.getId(), conversation.getTitle(), conversation.getCreatedAt(),
				conversation.getUpdatedAt(), conversation.isPinned(), ConversationTotals.of(tree.all()), path,
				conversation.getSystemPrompt(), conversation.isCarryReasoning(), conversation.isMadeThroughApi());
	}

	/**
	 * Every answer made side by side with this one (a compare), in column order: only
	 * within its own conversation.
	 */
	public List<MessageView> compareColumns(MessageView answer) {
		if (answer.compare() == null) {
			return List.of(answer);
		}
		return this.messages
			.findByConversationIdAndCompareGroupOrderByCompareColumn(answer.conversationId(), answer.compare().group())
			.stream()
			.map(MessageView::of)
			.toList();
	}

	@Transactional
	public ConversationSummary update(UUID id, ConversationPatch patch) {
		Conversation conversation = existing(id);
		if (patch.title() != null) {
			conversation.rename(patch.title());
		}
		if (patch.pinned() != null) {
			conversation.pin(patch.pinned());
		}
		if (patch.systemPrompt() != null) {
			conversation.setSystemPrompt(patch.systemPrompt());
		}
		if (patch.carryReasoning() != null) {
			conversation.setCarryReasoning(patch.carryReasoning());
		}
		return ConversationSummary.of(conversation);
	}

	/**
	 * Hides the conversation now; {@link #restore} brings it back within
	 * {@link #UNDO_WINDOW}.
	 */
	@Transactional
	public void delete(UUID id) {
		existing(id).delete(this.clock.instant());
		this.events.publishEvent(new ConversationDeleted(id));
	}

	@Transactional
	public ConversationSummary restore(UUID id) {
		Conversation conversation = this.owned.owned(id)
			.filter((found) -> found.getDeletedAt() != null)
			.orElseThrow(() -> NotFoundException.conversation(id));
		conversation.restore();
		return ConversationSummary.of(conversation);
	}

	/** Removes for good the conversations deleted longer ago than the undo window. */
	@Transactional
	public int purgeDeleted() {
		Instant cutoff = this.clock.instant().minus(UNDO_WINDOW);
		// Their files go with them: the database deletes the rows, a directory is told.
		this.cleanup.purging(cutoff);
		return this.conversations.purgeDeletedBefore(cutoff);
	}

	private Conversation existing(UUID id) {
		return this.owned.existing(id);
	}

	/**
	 * The conversation, if it is not deleted and the person asking owns it: another
	 * person's is as unknown as one that never existed.
	 */
	Optional<Conversation> visible(UUID id) {
		return this.owned.visible(id);
	}

}
