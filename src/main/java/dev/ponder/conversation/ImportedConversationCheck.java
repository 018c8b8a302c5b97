package dev.ponder.conversation;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Checks one conversation of an import file and names the first problem it finds, so that
 * a person can fix the file: "Conversation 2, message 5: role "robot" is not user or
 * assistant."
 */
final class ImportedConversationCheck {

	private static final int MAX_CONTENT_LENGTH = 10_000_000;

	private final String where;

	private final ExportFile.Conversation conversation;

	private final Set<UUID> seenMessages;

	ImportedConversationCheck(String where, ExportFile.Conversation conversation, Set<UUID> seenMessages) {
		this.where = where;
		this.conversation = conversation;
		this.seenMessages = seenMessages;
	}

	void run() {
		require(this.conversation.id() != null, this.where + " has no id.");
		String title = this.conversation.title();
		require(title != null && !title.isBlank(), this.where + " has no title.");
		require(title.strip().length() <= Conversation.MAX_TITLE_LENGTH,
				this.where + "'s title is longer than 200 characters.");
		require(this.conversation.createdAt() != null, this.where + " has no createdAt.");
		require(this.conversation.messages() != null, this.where + " has no \"messages\" list.");
		Set<UUID> ids = new HashSet<>();
		this.conversation.messages().forEach((message) -> {
			require(message != null && message.id() != null, this.where + " has a message without an id.");
			require(ids.add(message.id()) && this.seenMessages.add(message.id()),
					this.where + ": message " + message.id() + " appears twice in the file.");
		});
		for (int i = 0; i < this.conversation.messages().size(); i++) {
			message(this.where + ", message " + (i + 1), this.conversation.messages().get(i), ids);
		}
	}

	private static void message(String where, ExportFile.Message message, Set<UUID> ids) {
		require(message.role() != null && Set.of("user", "assistant").contains(message.role().toLowerCase(Locale.ROOT)),
				where + ": role \"" + message.role() + "\" is not user or assistant.");
		require(message.status() != null && EnumSet.allOf(MessageStatus.class)
			.stream()
			.anyMatch((status) -> status.name().equalsIgnoreCase(message.status())),
				where + ": status \"" + message.status() + "\" is not one of STREAMING, COMPLETE, STOPPED, FAILED.");
		require(message.content() != null, where + " has no content.");
		require(message.content().length() <= MAX_CONTENT_LENGTH, where + "'s content is too long.");
		require(message.createdAt() != null, where + " has no createdAt.");
		require(message.parentId() == null || ids.contains(message.parentId()),
				where + ": its parent " + message.parentId() + " is not in the same conversation.");
		require(message.position() == null || message.position() >= 0, where + ": position is negative.");
		// Answers side by side are grouped by their question: it must be in this
		// conversation.
		require(message.compare() == null || ids.contains(message.compare().group()),
				where + ": its compare group " + ((message.compare() != null) ? message.compare().group() : null)
						+ " is not a message of the same conversation.");
	}

	private static void require(boolean condition, String problem) {
		ConversationImporter.check(condition, problem);
	}

}
