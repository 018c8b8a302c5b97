package dev.ponder.conversation;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.ponder.account.CurrentOwner;
import dev.ponder.account.Owner;
import dev.ponder.attachment.AttachmentProperties;
import dev.ponder.attachment.AttachmentService;
import dev.ponder.problem.ProblemException;

/**
 * Reads Ponder's export format back. The file is read no further than
 * {@code PONDER_IMPORT_MAX_SIZE}, checked whole before anything is stored, and stored in
 * one transaction: a file is imported entirely or not at all. Conversations keep their
 * ids, so importing the same file twice adds nothing the second time; a conversation
 * deleted within its undo window comes back as the file has it.
 */
@Service
public class ConversationImporter {

	private final ConversationRepository conversations;

	private final MessageRepository messages;

	private final JsonMapper jsonMapper;

	private final CurrentOwner owner;

	private final OwnedConversations owned;

	private final ImportProperties limit;

	private final TransactionTemplate transactions;

	private final AttachmentService attachments;

	private final AttachmentProperties attachmentLimits;

	ConversationImporter(ConversationRepository conversations, MessageRepository messages, JsonMapper jsonMapper,
			CurrentOwner owner, OwnedConversations owned, ImportProperties limit, TransactionTemplate transactions,
			AttachmentService attachments, AttachmentProperties attachmentLimits) {
		this.attachments = attachments;
		this.attachmentLimits = attachmentLimits;
		this.owned = owned;
		this.conversations = conversations;
		this.messages = messages;
		this.jsonMapper = jsonMapper;
		this.owner = owner;
		this.limit = limit;
		this.transactions = transactions;
	}

	/** Imports a file already in memory (a test's, a script's). */
	public ImportResult importJson(String json) {
		byte[] bytes = (json != null) ? json.getBytes(StandardCharsets.UTF_8) : new byte[0];
		return importJson(new ByteArrayInputStream(bytes), bytes.length);
	}

	/**
	 * Imports a file as it arrives.
	 * @param body the file
	 * @param length its declared length in bytes, or -1 when unknown
	 * @throws ImportTooLargeException when it is longer than the limit, declared or read
	 * @throws ImportRejectedException when it is not a Ponder export Ponder can store
	 */
	public ImportResult importJson(InputStream body, long length) {
		long max = this.limit.maxSize().toBytes();
		if (length > max) {
			throw new ImportTooLargeException(this.limit);
		}
		// Read outside the transaction: a slow upload must not hold a connection.
		ExportFile file = parse(new LimitedInputStream(body, max, () -> new ImportTooLargeException(this.limit)));
		return this.transactions.execute((status) -> store(file, this.owner.get()));
	}

	private ExportFile parse(InputStream body) {
		ExportFile file;
		try (JsonParser parser = this.jsonMapper.createParser(body)) {
			check(parser.nextToken() != null, "The file is empty.");
			file = this.jsonMapper.readValue(parser, ExportFile.class);
		}
		catch (JacksonException ex) {
			if (ex.getCause() instanceof ImportTooLargeException tooLarge) {
				throw tooLarge;
			}
			String at = (ex.getLocation() != null)
					? " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")"
					: "";
			throw new ImportRejectedException("The file is not a Ponder export: " + ex.getOriginalMessage() + at + ".");
		}
		check(file != null && ExportFile.FORMAT.equals(file.format()),
				"The file is not a Ponder export: its \"format\" should be \"ponder\".");
		check(Integer.valueOf(ExportFile.VERSION).equals(file.version()), "The file is version " + file.version()
				+ " of Ponder's export format; this Ponder reads version " + ExportFile.VERSION + ".");
		check(file.conversations() != null, "The file has no \"conversations\" list.");
		check(file.conversations().size() <= ImportLimits.CONVERSATIONS, "The file has " + file.conversations().size()
				+ " conversations; an import takes at most " + ImportLimits.CONVERSATIONS + ".");
		return file;
	}

	private ImportResult store(ExportFile file, Owner owner) {
		List<ExportFile.Conversation> fresh = new ArrayList<>();
		List<String> freshWhere = new ArrayList<>();
		List<Conversation> replaced = new ArrayList<>();
		Set<UUID> seenMessages = new HashSet<>();
		Set<UUID> seenConversations = new HashSet<>();
		for (int i = 0; i < file.conversations().size(); i++) {
			ExportFile.Conversation conversation = file.conversations().get(i);
			String where = "Conversation " + (i + 1);
			check(conversation != null, where + " is empty.");
			new ImportedConversationCheck(where, conversation, seenMessages, this.attachmentLimits.maxFiles()).run();
			check(seenConversations.add(conversation.id()), where + " appears twice in the file.");
			// With accounts, a file's conversations get ids of the importer's own,
			// whether or not someone here has the file's: the answer must not tell
			// which exist.
			ExportFile.Conversation target = conversation;
			Optional<Conversation> here = this.owned.owned(conversation.id());
			if (here.isEmpty() && !owner.isEveryone()) {
				target = conversation.withIdsOf(owner.accountId());
				here = this.owned.owned(target.id());
			}
			if (here.isPresent() && here.get().getDeletedAt() == null) {
				continue;
			}
			if (here.isPresent() && !messagesTakenOutside(target)) {
				// Deleted a moment ago, not purged yet: the file's version replaces it.
				replaced.add(here.get());
				fresh.add(target);
				freshWhere.add(where);
				continue;
			}
			boolean taken = this.conversations.existsById(target.id()) || messagesTakenOutside(target);
			fresh.add(taken ? target.withNewIds() : target);
			freshWhere.add(where);
		}
		if (!replaced.isEmpty()) {
			// The database drops their messages with them, before the file's messages
			// take the same ids.
			this.conversations.deleteAll(replaced);
			this.conversations.flush();
		}
		for (int i = 0; i < fresh.size(); i++) {
			store(fresh.get(i), owner.accountId(), freshWhere.get(i));
		}
		return new ImportResult(fresh.size(), file.conversations().size() - fresh.size(),
				fresh.stream().map(ExportFile.Conversation::id).toList());
	}

	/** Whether a message of another conversation has one of this one's message ids. */
	private boolean messagesTakenOutside(ExportFile.Conversation conversation) {
		List<UUID> ids = conversation.messages().stream().map(ExportFile.Message::id).toList();
		return !ids.isEmpty() && this.messages.existsByIdInAndConversationIdNot(ids, conversation.id());
	}

	private void store(ExportFile.Conversation source, UUID ownerId, String where) {
		this.conversations.save(Conversation.imported(ownerId, source.id(), source.title().strip(), source.createdAt(),
				(source.updatedAt() != null) ? source.updatedAt() : source.createdAt(),
				Boolean.TRUE.equals(source.pinned()), source.activeLeafId(), source.systemPrompt(),
				Boolean.TRUE.equals(source.carryReasoning())));
		// Parents first: a message's parent must exist when it is inserted.
		ParentsFirst.of(source.messages())
			.placed()
			.forEach((placed) -> this.messages
				.save(Message.imported(imported(placed.message(), placed.depth()), source.id())));
		restoreFiles(source, where);
	}

	/**
	 * The conversation's files, each checked as an upload is (size, and type by its
	 * bytes) and stored once under a new id (the file's may be taken here), then given to
	 * the questions that name them.
	 */
	private void restoreFiles(ExportFile.Conversation source, String where) {
		Map<UUID, UUID> stored = new HashMap<>();
		for (ExportFile.Attachment file : (source.attachments() != null) ? source.attachments()
				: List.<ExportFile.Attachment>of()) {
			try {
				stored.put(file.id(),
						this.attachments.importFile(UUID.randomUUID(), source.id(), file.name(), file.data()).id());
			}
			catch (ProblemException ex) {
				throw new ImportRejectedException(where + ", file " + file.id() + ": " + ex.getBody().getDetail());
			}
		}
		for (ExportFile.Message message : source.messages()) {
			if (message.attachments() != null && !message.attachments().isEmpty()) {
				this.attachments.attach(source.id(), message.id(),
						message.attachments().stream().map(stored::get).toList());
			}
		}
	}

	private ImportedMessage imported(ExportFile.Message message, int depth) {
		String details = (message.reasoningDetails() != null && !message.reasoningDetails().isNull())
				? this.jsonMapper.writeValueAsString(message.reasoningDetails()) : null;
		return new ImportedMessage(message.id(), message.parentId(),
				(message.position() != null) ? message.position() : depth,
				MessageRole.valueOf(message.role().toUpperCase(Locale.ROOT)),
				MessageStatus.valueOf(message.status().toUpperCase(Locale.ROOT)), message.content(),
				(message.reasoning() != null) ? message.reasoning() : "", details, message.model(),
				ReasoningSetting.parse(message.reasoningSetting()), message.provider(), message.generationId(),
				message.finishReason(), message.nativeFinishReason(),
				(message.error() != null) ? message.error().code() : null,
				(message.error() != null) ? message.error().message() : null, message.usage(), message.createdAt(),
				message.reasoningStartedAt(), message.contentStartedAt(), message.finishedAt(), message.relay(),
				message.compare(), message.parameters(), message.reasoningCost(),
				Boolean.TRUE.equals(message.carriedReasoning()));
	}

	static void check(boolean condition, String problem) {
		if (!condition) {
			throw new ImportRejectedException(problem);
		}
	}

}
