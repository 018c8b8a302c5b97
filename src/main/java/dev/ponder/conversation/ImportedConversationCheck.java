package dev.ponder.conversation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Checks one conversation of an import file against everything storing it needs (see
 * {@link ImportLimits}) and names the first problem it finds, so that a person can fix
 * the file: "Conversation 2, message 5: role "robot" is not user or assistant."
 */
final class ImportedConversationCheck {

	private final String where;

	private final ExportFile.Conversation conversation;

	private final Set<UUID> seenMessages;

	private final int maxFiles;

	ImportedConversationCheck(String where, ExportFile.Conversation conversation, Set<UUID> seenMessages,
			int maxFiles) {
		this.where = where;
		this.conversation = conversation;
		this.seenMessages = seenMessages;
		this.maxFiles = maxFiles;
	}

	void run() {
		require(this.conversation.id() != null, this.where + " has no id.");
		String title = this.conversation.title();
		require(title != null && !title.isBlank(), this.where + " has no title.");
		require(title.strip().length() <= Conversation.MAX_TITLE_LENGTH,
				this.where + "'s title is longer than 200 characters.");
		String systemPrompt = this.conversation.systemPrompt();
		require(systemPrompt == null || systemPrompt.strip().length() <= Conversation.MAX_SYSTEM_PROMPT_LENGTH,
				this.where + "'s system prompt is longer than 100,000 characters.");
		require(this.conversation.createdAt() != null, this.where + " has no createdAt.");
		instant(this.where, "createdAt", this.conversation.createdAt());
		instant(this.where, "updatedAt", this.conversation.updatedAt());
		require(this.conversation.messages() != null, this.where + " has no \"messages\" list.");
		int count = this.conversation.messages().size();
		require(count <= ImportLimits.MESSAGES_PER_CONVERSATION,
				this.where + " has " + count + " messages; an import takes at most "
						+ ImportLimits.MESSAGES_PER_CONVERSATION + " per conversation.");
		Set<UUID> ids = new HashSet<>();
		this.conversation.messages().forEach((message) -> {
			require(message != null && message.id() != null, this.where + " has a message without an id.");
			require(ids.add(message.id()) && this.seenMessages.add(message.id()),
					this.where + ": message " + message.id() + " appears twice in the file.");
		});
		Set<UUID> files = files();
		for (int i = 0; i < count; i++) {
			ExportFile.Message message = this.conversation.messages().get(i);
			message(this.where + ", message " + (i + 1), message, ids);
			carried(this.where + ", message " + (i + 1), message, files);
		}
		parentsLeadToARoot();
	}

	/** The ids of the conversation's files, each with its bytes. */
	private Set<UUID> files() {
		Set<UUID> files = new HashSet<>();
		if (this.conversation.attachments() == null) {
			return files;
		}
		for (int i = 0; i < this.conversation.attachments().size(); i++) {
			ExportFile.Attachment file = this.conversation.attachments().get(i);
			String at = this.where + ", file " + (i + 1);
			require(file != null && file.id() != null, at + " has no id.");
			require(files.add(file.id()), at + ": " + file.id() + " appears twice.");
			require(file.data() != null, at + " has no \"data\".");
		}
		return files;
	}

	/** A question's files: the conversation's, and no more than a question takes. */
	private void carried(String where, ExportFile.Message message, Set<UUID> files) {
		if (message.attachments() == null || message.attachments().isEmpty()) {
			return;
		}
		require("user".equalsIgnoreCase(message.role()), where + ": only a question carries files.");
		require(message.attachments().size() <= this.maxFiles, where + ": it carries " + message.attachments().size()
				+ " files; a message takes at most " + this.maxFiles + ".");
		require(new HashSet<>(message.attachments()).size() == message.attachments().size(),
				where + ": it names one file twice.");
		message.attachments()
			.forEach((id) -> require(files.contains(id),
					where + ": its file " + id + " is not among the conversation's \"attachments\"."));
	}

	private static void message(String where, ExportFile.Message message, Set<UUID> ids) {
		require(message.role() != null && Set.of("user", "assistant").contains(message.role().toLowerCase(Locale.ROOT)),
				where + ": role \"" + message.role() + "\" is not user or assistant.");
		require(message.status() != null && EnumSet.allOf(MessageStatus.class)
			.stream()
			.anyMatch((status) -> status.name().equalsIgnoreCase(message.status())),
				where + ": status \"" + message.status() + "\" is not one of STREAMING, COMPLETE, STOPPED, FAILED.");
		require(message.content() != null, where + " has no content.");
		text(where, "content", message.content(), ImportLimits.TEXT_LENGTH);
		text(where, "reasoning", message.reasoning(), ImportLimits.TEXT_LENGTH);
		require(message.createdAt() != null, where + " has no createdAt.");
		require(message.parentId() == null || ids.contains(message.parentId()),
				where + ": its parent " + message.parentId() + " is not in the same conversation.");
		require(message.position() == null || message.position() >= 0, where + ": position is negative.");
		// Answers side by side are grouped by their question: it must be in this
		// conversation.
		require(message.compare() == null || ids.contains(message.compare().group()),
				where + ": its compare group " + ((message.compare() != null) ? message.compare().group() : null)
						+ " is not a message of the same conversation.");
		require(message.compare() == null || message.compare().column() >= 0, where + ": compare.column is negative.");
		text(where, "model", message.model(), ImportLimits.NAME_LENGTH);
		text(where, "reasoningSetting", message.reasoningSetting(), ImportLimits.REASONING_SETTING_LENGTH);
		text(where, "provider", message.provider(), ImportLimits.NAME_LENGTH);
		text(where, "generationId", message.generationId(), ImportLimits.NAME_LENGTH);
		text(where, "finishReason", message.finishReason(), ImportLimits.CODE_LENGTH);
		text(where, "nativeFinishReason", message.nativeFinishReason(), ImportLimits.CODE_LENGTH);
		if (message.error() != null) {
			text(where, "error.code", message.error().code(), ImportLimits.CODE_LENGTH);
			text(where, "error.message", message.error().message(), ImportLimits.ERROR_MESSAGE_LENGTH);
		}
		if (message.usage() != null) {
			usage(where, "usage.", message.usage().promptTokens(), message.usage().completionTokens(),
					message.usage().reasoningTokens(), message.usage().cost());
		}
		if (message.relay() != null) {
			text(where, "relay.thinkerModel", message.relay().thinkerModel(), ImportLimits.NAME_LENGTH);
			text(where, "relay.thinkerProvider", message.relay().thinkerProvider(), ImportLimits.NAME_LENGTH);
			TokenUsage thinker = message.relay().thinkerUsage();
			if (thinker != null) {
				usage(where, "relay.thinkerUsage.", thinker.promptTokens(), thinker.completionTokens(),
						thinker.reasoningTokens(), thinker.cost());
			}
		}
		if (message.parameters() != null) {
			parameters(where, message.parameters());
		}
		cost(where, "reasoningCost", message.reasoningCost());
		instant(where, "createdAt", message.createdAt());
		instant(where, "reasoningStartedAt", message.reasoningStartedAt());
		instant(where, "contentStartedAt", message.contentStartedAt());
		instant(where, "finishedAt", message.finishedAt());
	}

	/**
	 * Every message must descend from a root: parents that form a loop could not be
	 * stored, since a parent is stored before its children.
	 */
	private void parentsLeadToARoot() {
		Set<UUID> placed = new HashSet<>();
		ParentsFirst.of(this.conversation.messages()).placed().forEach((p) -> placed.add(p.message().id()));
		for (int i = 0; i < this.conversation.messages().size(); i++) {
			require(placed.contains(this.conversation.messages().get(i).id()), this.where + ", message " + (i + 1)
					+ " is its own ancestor: its parents form a loop, and a conversation starts somewhere.");
		}
	}

	private static void usage(String where, String prefix, Integer promptTokens, Integer completionTokens,
			Integer reasoningTokens, BigDecimal cost) {
		tokens(where, prefix + "promptTokens", promptTokens);
		tokens(where, prefix + "completionTokens", completionTokens);
		tokens(where, prefix + "reasoningTokens", reasoningTokens);
		cost(where, prefix + "cost", cost);
	}

	private static void cost(String where, String name, BigDecimal cost) {
		if (cost != null) {
			require(cost.signum() >= 0, where + ": " + name + " " + cost.toPlainString() + " is negative.");
			require(cost.setScale(ImportLimits.COST_SCALE, RoundingMode.HALF_UP)
				.compareTo(ImportLimits.COST_CEILING) < 0,
					where + ": " + name + " " + cost.toPlainString() + " does not fit: a cost is below "
							+ ImportLimits.COST_CEILING.toPlainString() + ".");
		}
	}

	/** The same bounds as a request's (see {@link AnswerParameters}). */
	private static void parameters(String where, AnswerParameters parameters) {
		Double temperature = parameters.temperature();
		require(temperature == null || (temperature >= 0 && temperature <= 2),
				where + ": parameters.temperature " + temperature + " is not between 0 and 2.");
		Double topP = parameters.topP();
		require(topP == null || (topP > 0 && topP <= 1),
				where + ": parameters.topP " + topP + " is not above 0 and at most 1.");
		Integer maxTokens = parameters.maxTokens();
		require(maxTokens == null || (maxTokens > 0 && maxTokens <= 1_000_000),
				where + ": parameters.maxTokens " + maxTokens + " is not between 1 and 1,000,000.");
	}

	private static void tokens(String where, String field, Integer tokens) {
		require(tokens == null || tokens >= 0, where + ": " + field + " is negative.");
	}

	private static void text(String where, String field, String value, int maxLength) {
		require(value == null || value.length() <= maxLength,
				where + ": " + field + " is longer than " + maxLength + " characters.");
	}

	private static void instant(String where, String field, Instant instant) {
		require(instant == null || (!instant.isBefore(ImportLimits.EARLIEST) && !instant.isAfter(ImportLimits.LATEST)),
				where + ": " + field + " " + instant + " is not between the years 1 and 9999.");
	}

	private static void require(boolean condition, String problem) {
		ConversationImporter.check(condition, problem);
	}

}
