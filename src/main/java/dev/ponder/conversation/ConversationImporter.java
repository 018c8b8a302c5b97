package dev.ponder.conversation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.ponder.account.CurrentOwner;
import dev.ponder.account.Owner;

/**
 * Reads Ponder's export format back. The whole file is checked before anything is stored,
 * and stored in one transaction: a file is imported entirely or not at all. Conversations
 * keep their ids, so importing the same file twice adds nothing the second time.
 */
@Service
public class ConversationImporter {

	private final ConversationRepository conversations;

	private final MessageRepository messages;

	private final JsonMapper jsonMapper;

	private final CurrentOwner owner;

	private final OwnedConversations owned;

	ConversationImporter(ConversationRepository conversations, MessageRepository messages, JsonMapper jsonMapper,
			CurrentOwner owner, OwnedConversations owned) {
		this.owned = owned;
		this.conversations = conversations;
		this.messages = messages;
		this.jsonMapper = jsonMapper;
		this.owner = owner;
	}

	@Transactional
	public ImportResult importJson(String json) {
		ExportFile file = parse(json);
		Owner owner = this.owner.get();
		List<ExportFile.Conversation> fresh = new ArrayList<>();
		Set<UUID> seenMessages = new HashSet<>();
		for (int i = 0; i < file.conversations().size(); i++) {
			ExportFile.Conversation conversation = file.conversations().get(i);
			String where = "Conversation " + (i + 1);
			check(conversation != null, where + " is empty.");
			new ImportedConversationCheck(where, conversation, seenMessages).run();
			if (owns(conversation.id())) {
				continue;
			}
			// With accounts, a file's conversations get ids of the importer's own,
			// whether or
			// not someone here has the file's: the answer must not tell which ids exist.
			ExportFile.Conversation target = owner.isEveryone() ? conversation
					: conversation.withIdsOf(owner.accountId());
			if (!target.id().equals(conversation.id()) && owns(target.id())) {
				continue;
			}
			boolean taken = this.conversations.existsById(target.id())
					|| !this.messages.findAllById(target.messages().stream().map(ExportFile.Message::id).toList())
						.isEmpty();
			fresh.add(taken ? target.withNewIds() : target);
		}
		fresh.forEach((conversation) -> store(conversation, owner.accountId()));
		return new ImportResult(fresh.size(), file.conversations().size() - fresh.size(),
				fresh.stream().map(ExportFile.Conversation::id).toList());
	}

	private boolean owns(UUID conversationId) {
		return this.owned.owned(conversationId).isPresent();
	}

	private ExportFile parse(String json) {
		if (json == null || json.isBlank()) {
			reject("The file is empty.");
		}
		ExportFile file;
		try {
			file = this.jsonMapper.readValue(json, ExportFile.class);
		}
		catch (JacksonException ex) {
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
		return file;
	}

	private void store(ExportFile.Conversation source, UUID ownerId) {
		this.conversations.save(Conversation.imported(ownerId, source.id(), source.title().strip(), source.createdAt(),
				(source.updatedAt() != null) ? source.updatedAt() : source.createdAt(),
				Boolean.TRUE.equals(source.pinned()), source.activeLeafId()));
		Map<UUID, ExportFile.Message> byId = new HashMap<>();
		source.messages().forEach((message) -> byId.put(message.id(), message));
		// Parents first: a message's parent must exist when it is inserted.
		source.messages()
			.stream()
			.sorted(Comparator.comparingInt((ExportFile.Message message) -> depth(message, byId)))
			.map((message) -> Message.imported(imported(message, depth(message, byId)), source.id()))
			.forEach(this.messages::save);
	}

	private static int depth(ExportFile.Message message, Map<UUID, ExportFile.Message> byId) {
		int depth = 0;
		ExportFile.Message current = message;
		while (current.parentId() != null && byId.containsKey(current.parentId()) && depth <= byId.size()) {
			current = byId.get(current.parentId());
			depth++;
		}
		return depth;
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
				message.compare());
	}

	static void check(boolean condition, String problem) {
		if (!condition) {
			reject(problem);
		}
	}

	private static void reject(String problem) {
		throw new ImportRejectedException(problem);
	}

}
