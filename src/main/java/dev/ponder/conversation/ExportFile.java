package dev.ponder.conversation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/**
 * Ponder's export format: one or more conversations with every message of every branch
 * and everything stored about each. The same file imports back.
 *
 * @param format always {@value #FORMAT}
 * @param version the format's version, {@value #VERSION}
 * @param exportedAt when the file was written
 * @param conversations what it holds
 */
public record ExportFile(String format, Integer version, Instant exportedAt, List<Conversation> conversations) {

	public static final String FORMAT = "ponder";

	public static final int VERSION = 1;

	/**
	 * One conversation, with the branch it follows, all its messages, its system prompt
	 * ({@code null} for none, and in files from before there were any), the files its
	 * questions carry, each once however many questions name it, and whether earlier
	 * reasoning goes back upstream ({@code null}, off, in files from before the switch).
	 */
	public record Conversation(UUID id, String title, Instant createdAt, Instant updatedAt, Boolean pinned,
			UUID activeLeafId, List<Message> messages, String systemPrompt,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) List<Attachment> attachments, Boolean carryReasoning) {

		/**
		 * The same conversation under random new ids, its links between messages kept.
		 */
		Conversation withNewIds() {
			return withIds((id) -> UUID.randomUUID());
		}

		/**
		 * The same conversation under ids of its own for one account: the same file
		 * always gets the same ids for the same person (so importing it twice adds
		 * nothing), and they say nothing about whether the file's ids exist here.
		 */
		Conversation withIdsOf(UUID accountId) {
			return withIds((id) -> UUID.nameUUIDFromBytes((accountId + "/" + id).getBytes(StandardCharsets.UTF_8)));
		}

		private Conversation withIds(UnaryOperator<UUID> newId) {
			Map<UUID, UUID> renewed = new HashMap<>();
			this.messages.forEach((message) -> renewed.put(message.id(), newId.apply(message.id())));
			UnaryOperator<UUID> renew = (id) -> (id != null) ? renewed.getOrDefault(id, id) : null;
			return new Conversation(newId.apply(this.id), this.title, this.createdAt, this.updatedAt, this.pinned,
					renew.apply(this.activeLeafId),
					this.messages.stream().map((message) -> message.withIds(renew)).toList(), this.systemPrompt,
					this.attachments, this.carryReasoning);
		}

	}

	/**
	 * One message with all it stored; {@code reasoningDetails} is the raw JSON the model
	 * sent, {@code parameters} an answer's sampling set-up ({@code null} in files from
	 * before there were any), {@code attachments} the ids of the conversation's files a
	 * question carries, in order, {@code reasoningCost} what an answer's reasoning cost
	 * at the price it was paid at ({@code null} where unknown, and in files from before
	 * it was kept); {@code carriedReasoning} {@code true} for an answer asked with
	 * earlier reasoning sent back (left out otherwise).
	 */
	public record Message(UUID id, UUID parentId, Integer position, String role, String status, String content,
			String reasoning, JsonNode reasoningDetails, String model, String reasoningSetting, String provider,
			String generationId, String finishReason, String nativeFinishReason, MessageView.ErrorView error,
			TokenUsage usage, Instant createdAt, Instant reasoningStartedAt, Instant contentStartedAt,
			Instant finishedAt, MessageView.Relay relay, MessageView.Compare compare, AnswerParameters parameters,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) List<UUID> attachments, BigDecimal reasoningCost,
			@JsonInclude(JsonInclude.Include.NON_NULL) Boolean carriedReasoning) {

		Message withIds(UnaryOperator<UUID> renew) {
			return new Message(renew.apply(this.id), renew.apply(this.parentId), this.position, this.role, this.status,
					this.content, this.reasoning, this.reasoningDetails, this.model, this.reasoningSetting,
					this.provider, this.generationId, this.finishReason, this.nativeFinishReason, this.error,
					this.usage, this.createdAt, this.reasoningStartedAt, this.contentStartedAt, this.finishedAt,
					this.relay,
					(this.compare != null)
							? new MessageView.Compare(renew.apply(this.compare.group()), this.compare.column()) : null,
					this.parameters, this.attachments, this.reasoningCost, this.carriedReasoning);
		}

	}

	/**
	 * A file questions of the conversation carry, its bytes in base64 ({@code data}).
	 */
	public record Attachment(UUID id, String name, String contentType, Long size, byte[] data) {
	}

}
