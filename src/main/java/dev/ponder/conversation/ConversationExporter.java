package dev.ponder.conversation;

import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.ponder.account.CurrentOwner;
import dev.ponder.account.Owner;
import dev.ponder.attachment.AttachmentService;
import dev.ponder.attachment.AttachmentView;

/**
 * Writes conversations out: as Ponder's JSON (everything, every branch, importable) or as
 * Markdown that reads well on GitHub (the branch followed, reasoning folded in
 * {@code <details>}).
 */
@Service
@Transactional(readOnly = true)
public class ConversationExporter {

	private static final Logger logger = LoggerFactory.getLogger(ConversationExporter.class);

	private final ConversationRepository conversations;

	private final MessageRepository messages;

	private final ConversationService conversationService;

	private final JsonMapper jsonMapper;

	private final java.time.Clock clock;

	private final CurrentOwner owner;

	private final AttachmentService attachments;

	ConversationExporter(ConversationRepository conversations, MessageRepository messages,
			ConversationService conversationService, JsonMapper jsonMapper, CurrentOwner owner, java.time.Clock clock,
			AttachmentService attachments) {
		this.attachments = attachments;
		this.owner = owner;
		this.conversations = conversations;
		this.messages = messages;
		this.conversationService = conversationService;
		this.jsonMapper = jsonMapper;
		this.clock = clock;
	}

	public ExportFile json(UUID id) {
		Conversation conversation = this.conversationService.visible(id)
			.orElseThrow(() -> NotFoundException.conversation(id));
		return file(List.of(exported(conversation)));
	}

	public ExportFile all() {
		return file(everyConversation().stream().map(this::exported).toList());
	}

	/**
	 * Writes what {@link #all()} answers as it goes, one conversation at a time: with
	 * their files, all of a person's conversations may not fit in memory at once. Call it
	 * on the request's thread (it asks who is exporting).
	 */
	public void writeAll(OutputStream out) {
		List<Conversation> all = everyConversation();
		// A failure half-way must leave the file visibly cut short, not closed as if
		// whole.
		try (JsonGenerator generator = this.jsonMapper.writer()
			.without(StreamWriteFeature.AUTO_CLOSE_CONTENT)
			.createGenerator(out)) {
			generator.writeStartObject();
			generator.writeStringProperty("format", ExportFile.FORMAT);
			generator.writeNumberProperty("version", ExportFile.VERSION);
			generator.writeName("exportedAt");
			generator.writePOJO(this.clock.instant());
			generator.writeName("conversations");
			generator.writeStartArray();
			for (Conversation conversation : all) {
				generator.writePOJO(exported(conversation));
				generator.flush();
			}
			generator.writeEndArray();
			generator.writeEndObject();
		}
	}

	private List<Conversation> everyConversation() {
		Owner owner = this.owner.get();
		return owner.isEveryone() ? this.conversations.findByDeletedAtIsNullAndKeptTrueOrderByCreatedAt()
				: this.conversations.findByOwnerIdAndDeletedAtIsNullAndKeptTrueOrderByCreatedAt(owner.accountId());
	}

	/** The branch the conversation follows, as Markdown. */
	public String markdown(UUID id) {
		ConversationDetails details = this.conversationService.find(id)
			.orElseThrow(() -> NotFoundException.conversation(id));
		return new MarkdownTranscript(details).write();
	}

	/** The file name a download of this conversation should get, without extension. */
	public String fileName(UUID id) {
		String title = this.conversationService.visible(id)
			.map(Conversation::getTitle)
			.orElseThrow(() -> NotFoundException.conversation(id));
		String slug = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
		return "ponder-" + (slug.isEmpty() ? "conversation" : slug.substring(0, Math.min(60, slug.length())));
	}

	private ExportFile file(List<ExportFile.Conversation> conversations) {
		return new ExportFile(ExportFile.FORMAT, ExportFile.VERSION, this.clock.instant(), conversations);
	}

	private ExportFile.Conversation exported(Conversation conversation) {
		List<Message> stored = this.messages.findByConversationIdOrderByPosition(conversation.getId());
		Map<UUID, List<AttachmentView>> files = this.attachments.byMessage(stored.stream()
			.filter((message) -> message.getRole() == MessageRole.USER)
			.map(Message::getId)
			.toList());
		// Each file once, however many questions carry it (an edited question keeps its
		// original's): the messages name it by id. A file whose bytes are gone (a lost
		// volume) is left out, not the whole export with it.
		Map<UUID, ExportFile.Attachment> kept = new LinkedHashMap<>();
		files.values().forEach((carried) -> carried.forEach((file) -> {
			if (!kept.containsKey(file.id())) {
				this.attachments.storedBytes(file.id())
					.ifPresentOrElse(
							(data) -> kept.put(file.id(),
									new ExportFile.Attachment(file.id(), file.name(), file.contentType(), file.size(),
											data)),
							() -> logger.warn(
									"Left the file {} out of the export of conversation {}: its bytes are gone",
									file.id(), conversation.getId()));
			}
		}));
		List<ExportFile.Message> all = stored.stream()
			.map((message) -> exported(message,
					files.getOrDefault(message.getId(), List.of())
						.stream()
						.map(AttachmentView::id)
						.filter(kept::containsKey)
						.toList()))
			.toList();
		return new ExportFile.Conversation(conversation.getId(), conversation.getTitle(), conversation.getCreatedAt(),
				conversation.getUpdatedAt(), conversation.isPinned(), conversation.getActiveLeafId(), all,
				conversation.getSystemPrompt(), List.copyOf(kept.values()), conversation.isCarryReasoning());
	}

	private ExportFile.Message exported(Message message, List<UUID> files) {
		MessageView view = MessageView.of(message);
		JsonNode details = (message.getReasoningDetails() != null)
				? this.jsonMapper.readTree(message.getReasoningDetails()) : null;
		return new ExportFile.Message(view.id(), view.parentId(), message.getPosition(), view.role(),
				view.status().name(), view.content(), view.reasoning(), details, view.model(), view.reasoningSetting(),
				view.provider(), view.generationId(), view.finishReason(), view.nativeFinishReason(), view.error(),
				view.usage(), view.createdAt(), view.reasoningStartedAt(), view.contentStartedAt(), view.finishedAt(),
				view.relay(), view.compare(), view.parameters(), files,
				// Stripped, so that a file exported again after its import reads the
				// same.
				(view.reasoningCost() != null) ? view.reasoningCost().stripTrailingZeros() : null,
				message.isCarriedReasoning() ? true : null);
	}

}
