package dev.ponder.conversation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.ponder.attachment.AttachmentView;

/**
 * A stored message as the API and the pages show it.
 *
 * @param reasoningAsked how hard the model was asked to think, in parts
 * ({@code effort, maxTokens, hidden}) so that no page has to read the stored string
 * @param parameters an answer's sampling set-up, each part {@code null} where the
 * server's default held; {@code null} for a question
 * @param attachments the files a question carries, in the order sent; none for an answer
 * @param reasoningCost what an answer's reasoning cost (see {@link ReasoningCost}): zero
 * if it did not reason, {@code null} where that is unknown, and for a question
 * @param carriedReasoning whether the answer was asked with earlier answers' reasoning
 * sent back upstream
 */
public record MessageView(UUID id, UUID conversationId, UUID parentId, String role, String content, String reasoning,
		String endpoint, String model, ReasoningSetting reasoningAsked, String provider, String generationId,
		MessageStatus status, ErrorView error, TokenUsage usage, String finishReason, String nativeFinishReason,
		Instant createdAt, Instant reasoningStartedAt, Instant contentStartedAt, Instant finishedAt,
		Long thinkingMillis, Long totalMillis, Siblings siblings, Relay relay, Compare compare,
		AnswerParameters parameters, List<AttachmentView> attachments, BigDecimal reasoningCost,
		boolean carriedReasoning) {

	public MessageView {
		attachments = (attachments != null) ? List.copyOf(attachments) : List.of();
	}

	/** The same message with the files its question carries, in the order sent. */
	public MessageView withAttachments(List<AttachmentView> files) {
		return new MessageView(this.id, this.conversationId, this.parentId, this.role, this.content, this.reasoning,
				this.endpoint, this.model, this.reasoningAsked, this.provider, this.generationId, this.status,
				this.error, this.usage, this.finishReason, this.nativeFinishReason, this.createdAt,
				this.reasoningStartedAt, this.contentStartedAt, this.finishedAt, this.thinkingMillis, this.totalMillis,
				this.siblings, this.relay, this.compare, this.parameters, files, this.reasoningCost,
				this.carriedReasoning);
	}

	/**
	 * The same message with no dollar amount left in it (its cost, its thinker's, its
	 * reasoning's), so that no line worded from it can show one.
	 */
	public MessageView withoutCosts() {
		Relay thinking = (this.relay != null) ? new Relay(this.relay.thinkerModel(), this.relay.thinkerProvider(),
				withoutCost(this.relay.thinkerUsage())) : null;
		return new MessageView(this.id, this.conversationId, this.parentId, this.role, this.content, this.reasoning,
				this.endpoint, this.model, this.reasoningAsked, this.provider, this.generationId, this.status,
				this.error, withoutCost(this.usage), this.finishReason, this.nativeFinishReason, this.createdAt,
				this.reasoningStartedAt, this.contentStartedAt, this.finishedAt, this.thinkingMillis, this.totalMillis,
				this.siblings, thinking, this.compare, this.parameters, this.attachments, null, this.carriedReasoning);
	}

	/** The same message failed for the reason given. */
	public MessageView withError(ErrorView reason) {
		return new MessageView(this.id, this.conversationId, this.parentId, this.role, this.content, this.reasoning,
				this.endpoint, this.model, this.reasoningAsked, this.provider, this.generationId, this.status, reason,
				this.usage, this.finishReason, this.nativeFinishReason, this.createdAt, this.reasoningStartedAt,
				this.contentStartedAt, this.finishedAt, this.thinkingMillis, this.totalMillis, this.siblings,
				this.relay, this.compare, this.parameters, this.attachments, this.reasoningCost, this.carriedReasoning);
	}

	private static TokenUsage withoutCost(TokenUsage usage) {
		return (usage != null)
				? new TokenUsage(usage.promptTokens(), usage.completionTokens(), usage.reasoningTokens(), null) : null;
	}

	/**
	 * A relayed answer's thinking: the model that thought and what that cost (the
	 * answer's own usage is in {@code usage}; its {@code cost} is the total of both).
	 */
	public record Relay(String thinkerModel, String thinkerProvider, TokenUsage thinkerUsage) {
	}

	/**
	 * Where an answer made side by side with others stands: the group (its question) and
	 * column.
	 */
	public record Compare(UUID group, int column) {
	}

	/**
	 * Where a message stands among the versions of it (regenerated answers, edited
	 * questions).
	 *
	 * @param index the 1-based place of this message
	 * @param count how many versions there are
	 * @param previousId the version before, or {@code null}
	 * @param nextId the version after, or {@code null}
	 */
	public record Siblings(int index, int count, UUID previousId, UUID nextId) {

		static final Siblings ONLY = new Siblings(1, 1, null, null);

	}

	/** Why an answer failed. */
	public record ErrorView(String code, String message) {
	}

	static MessageView of(Message message) {
		return of(message, Siblings.ONLY);
	}

	static MessageView of(Message message, Siblings siblings) {
		ErrorView error = (message.getErrorCode() != null)
				? new ErrorView(message.getErrorCode(), message.getErrorMessage()) : null;
		return new MessageView(message.getId(), message.getConversationId(), message.getParentId(),
				message.getRole().wireName(), message.getContent(), message.getReasoning(), message.getEndpoint(),
				message.getModel(), message.getReasoningSetting(), message.getProvider(), message.getGenerationId(),
				message.getStatus(), error, message.getUsage(), message.getFinishReason(),
				message.getNativeFinishReason(), message.getCreatedAt(), message.getReasoningStartedAt(),
				message.getContentStartedAt(), message.getFinishedAt(), thinkingMillis(message),
				millisBetween(message.getCreatedAt(), message.getFinishedAt()), siblings, relay(message),
				(message.getCompareGroup() != null) ? new Compare(message.getCompareGroup(), message.getCompareColumn())
						: null,
				(message.getRole() == MessageRole.ASSISTANT) ? message.getParameters() : null, List.of(),
				(message.getRole() == MessageRole.ASSISTANT) ? ReasoningCost.shown(message.getReasoningCost()) : null,
				message.isCarriedReasoning());
	}

	private static Relay relay(Message message) {
		if (message.getThinkerModel() == null) {
			return null;
		}
		return new Relay(message.getThinkerModel(), message.getThinkerProvider(), message.getThinkerUsage());
	}

	/** Thinking lasts from the first reasoning to the first answer text (or the end). */
	private static Long thinkingMillis(Message message) {
		Instant thinkingEnded = (message.getContentStartedAt() != null) ? message.getContentStartedAt()
				: message.getFinishedAt();
		return millisBetween(message.getReasoningStartedAt(), thinkingEnded);
	}

	private static Long millisBetween(Instant from, Instant to) {
		return (from != null && to != null) ? Duration.between(from, to).toMillis() : null;
	}

	/**
	 * The reasoning setting as stored and exported ({@code high},
	 * {@code max_tokens:2048}, {@code hidden}), still in the API's JSON for the scripts
	 * that read it.
	 */
	@JsonProperty("reasoningSetting")
	public String reasoningSetting() {
		return (this.reasoningAsked != null) ? this.reasoningAsked.format() : null;
	}

	/**
	 * The thinking panel's folded summary, worded by {@link AnswerSummary} for the API's
	 * JSON as for the page, so that a page building a message from JSON shows the same
	 * words.
	 */
	@JsonProperty("thinkingSummary")
	public String thinkingSummary() {
		return AnswerSummary.thinking(this);
	}

	/**
	 * The line under an answer, worded by {@link AnswerSummary}; {@code null} for a
	 * question.
	 */
	@JsonProperty("metaLine")
	public String metaLine() {
		return AnswerSummary.meta(this);
	}

	/**
	 * Whether what the answer's reasoning cost is unknown (a model unlisted or unpriced,
	 * reasoning whose tokens were never reported, an answer stored before reasoning costs
	 * were kept), or hidden with its costs.
	 */
	public boolean reasoningCostUnknown() {
		return isAssistant() && this.reasoningCost == null;
	}

	/** Whether this is a model's answer. */
	public boolean isAssistant() {
		return MessageRole.ASSISTANT.wireName().equals(this.role);
	}

}
