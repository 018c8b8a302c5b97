package dev.ponder.conversation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

import dev.ponder.problem.ErrorCode;

/**
 * One message of a conversation: what a person wrote, or a model's answer with its
 * reasoning, usage, timings and how it ended.
 */
@Entity
@DynamicUpdate
@Table(name = "message")
public class Message extends NewUntilStored {

	/** The error code of an answer whose instance stopped without ending it. */
	static final String INTERRUPTED = ErrorCode.INTERRUPTED.code();

	static final String INTERRUPTED_MESSAGE = "Interrupted by a restart of Ponder. What had arrived is kept; try again.";

	/**
	 * The endpoint of answers that name none: OpenRouter, as before there were others.
	 */
	static final String DEFAULT_ENDPOINT = "openrouter";

	private static final int MAX_ERROR_LENGTH = 2000;

	@Id
	private UUID id;

	private UUID conversationId;

	private UUID parentId;

	private int position;

	@Enumerated(EnumType.STRING)
	private MessageRole role;

	@Enumerated(EnumType.STRING)
	private MessageStatus status;

	private String content;

	private String reasoning;

	private String reasoningDetails;

	private String endpoint;

	private String model;

	private String reasoningSetting;

	private String provider;

	private String generationId;

	private String finishReason;

	private String nativeFinishReason;

	private String errorCode;

	private String errorMessage;

	private Integer promptTokens;

	private Integer completionTokens;

	private Integer reasoningTokens;

	private BigDecimal cost;

	private Instant createdAt;

	private Instant reasoningStartedAt;

	private Instant contentStartedAt;

	private Instant finishedAt;

	private String thinkerModel;

	private String thinkerProvider;

	private Integer thinkerPromptTokens;

	private Integer thinkerCompletionTokens;

	private Integer thinkerReasoningTokens;

	private BigDecimal thinkerCost;

	private UUID compareGroup;

	private Integer compareColumn;

	protected Message() {
	}

	private Message(UUID conversationId, UUID parentId, int position, MessageRole role, MessageStatus status,
			String content, Instant now) {
		this.id = UUID.randomUUID();
		this.conversationId = conversationId;
		this.parentId = parentId;
		this.position = position;
		this.role = role;
		this.status = status;
		this.content = content;
		this.reasoning = "";
		this.createdAt = now;
		// Until there were other endpoints, every answer came from OpenRouter.
		this.endpoint = (role == MessageRole.ASSISTANT) ? DEFAULT_ENDPOINT : null;
	}

	static Message fromUser(UUID conversationId, UUID parentId, int position, String content, Instant now) {
		Message message = new Message(conversationId, parentId, position, MessageRole.USER, MessageStatus.COMPLETE,
				content, now);
		message.finishedAt = now;
		return message;
	}

	static Message streamingAnswer(UUID conversationId, UUID parentId, int position, String model,
			String reasoningSetting, Instant now) {
		Message message = new Message(conversationId, parentId, position, MessageRole.ASSISTANT,
				MessageStatus.STREAMING, "", now);
		message.model = model;
		message.reasoningSetting = reasoningSetting;
		return message;
	}

	/** A message as it was exported, with every stored field, for import. */
	static Message imported(ImportedMessage source, UUID conversationId) {
		Message message = new Message(conversationId, source.parentId(), source.position(), source.role(),
				source.status(), source.content(), source.createdAt());
		message.id = source.id();
		message.reasoning = source.reasoning();
		message.reasoningDetails = source.reasoningDetails();
		message.model = source.model();
		message.reasoningSetting = source.reasoningSetting();
		message.provider = source.provider();
		message.generationId = source.generationId();
		message.finishReason = source.finishReason();
		message.nativeFinishReason = source.nativeFinishReason();
		message.errorCode = source.errorCode();
		message.errorMessage = source.errorMessage();
		message.promptTokens = source.promptTokens();
		message.completionTokens = source.completionTokens();
		message.reasoningTokens = source.reasoningTokens();
		message.cost = source.cost();
		message.reasoningStartedAt = source.reasoningStartedAt();
		message.contentStartedAt = source.contentStartedAt();
		message.finishedAt = source.finishedAt();
		if (source.relay() != null) {
			message.thinkerModel = source.relay().thinkerModel();
			message.thinkerProvider = source.relay().thinkerProvider();
			UsageView thinker = source.relay().thinkerUsage();
			if (thinker != null) {
				message.thinkerPromptTokens = thinker.promptTokens();
				message.thinkerCompletionTokens = thinker.completionTokens();
				message.thinkerReasoningTokens = thinker.reasoningTokens();
				message.thinkerCost = thinker.cost();
			}
		}
		if (source.compare() != null) {
			message.compareIn(source.compare().group(), source.compare().column());
		}
		return message;
	}

	/** Marks an answer as coming from the named endpoint. */
	void servedBy(String endpoint) {
		this.endpoint = endpoint;
	}

	/**
	 * Marks an answer as relayed: {@code thinkerModel} thinks, this answer's model
	 * writes.
	 */
	void relayFrom(String thinkerModel) {
		this.thinkerModel = thinkerModel;
	}

	/** Marks an answer as one column of answers made side by side for one question. */
	void compareIn(UUID group, int column) {
		this.compareGroup = group;
		this.compareColumn = column;
	}

	/** Ends the answer; an answer ends once. */
	void finish(AnswerOutcome outcome) {
		if (this.status != MessageStatus.STREAMING) {
			return;
		}
		apply(outcome.progress());
		this.status = outcome.status();
		this.provider = outcome.provider();
		this.generationId = outcome.generationId();
		this.finishReason = outcome.finishReason();
		this.nativeFinishReason = outcome.nativeFinishReason();
		this.promptTokens = outcome.promptTokens();
		this.completionTokens = outcome.completionTokens();
		this.reasoningTokens = outcome.reasoningTokens();
		this.cost = outcome.cost();
		this.errorCode = outcome.errorCode();
		this.errorMessage = (outcome.errorMessage() != null && outcome.errorMessage().length() > MAX_ERROR_LENGTH)
				? outcome.errorMessage().substring(0, MAX_ERROR_LENGTH) : outcome.errorMessage();
		this.finishedAt = outcome.finishedAt();
		if (outcome.thinker() != null) {
			this.thinkerProvider = outcome.thinker().provider();
			this.thinkerPromptTokens = outcome.thinker().promptTokens();
			this.thinkerCompletionTokens = outcome.thinker().completionTokens();
			this.thinkerReasoningTokens = outcome.thinker().reasoningTokens();
			this.thinkerCost = outcome.thinker().cost();
		}
	}

	/** Ends an answer that its instance left streaming, keeping the last checkpoint. */
	void interrupt(Instant now) {
		if (this.status == MessageStatus.STREAMING) {
			this.status = MessageStatus.FAILED;
			this.errorCode = INTERRUPTED;
			this.errorMessage = INTERRUPTED_MESSAGE;
			this.finishedAt = now;
		}
	}

	private void apply(AnswerProgress progress) {
		this.content = progress.content();
		this.reasoning = progress.reasoning();
		this.reasoningDetails = progress.reasoningDetails();
		this.reasoningStartedAt = progress.reasoningStartedAt();
		this.contentStartedAt = progress.contentStartedAt();
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	public UUID getConversationId() {
		return this.conversationId;
	}

	public UUID getParentId() {
		return this.parentId;
	}

	public int getPosition() {
		return this.position;
	}

	public MessageRole getRole() {
		return this.role;
	}

	public MessageStatus getStatus() {
		return this.status;
	}

	public String getContent() {
		return this.content;
	}

	public String getReasoning() {
		return this.reasoning;
	}

	public String getReasoningDetails() {
		return this.reasoningDetails;
	}

	/**
	 * The endpoint of an answer's model, e.g. {@code openrouter}; {@code null} for a
	 * person's message.
	 */
	public String getEndpoint() {
		return this.endpoint;
	}

	public String getModel() {
		return this.model;
	}

	public String getReasoningSetting() {
		return this.reasoningSetting;
	}

	public String getProvider() {
		return this.provider;
	}

	public String getGenerationId() {
		return this.generationId;
	}

	public String getFinishReason() {
		return this.finishReason;
	}

	public String getNativeFinishReason() {
		return this.nativeFinishReason;
	}

	public String getErrorCode() {
		return this.errorCode;
	}

	public String getErrorMessage() {
		return this.errorMessage;
	}

	public Integer getPromptTokens() {
		return this.promptTokens;
	}

	public Integer getCompletionTokens() {
		return this.completionTokens;
	}

	public Integer getReasoningTokens() {
		return this.reasoningTokens;
	}

	public BigDecimal getCost() {
		return this.cost;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getReasoningStartedAt() {
		return this.reasoningStartedAt;
	}

	public Instant getContentStartedAt() {
		return this.contentStartedAt;
	}

	public Instant getFinishedAt() {
		return this.finishedAt;
	}

	public String getThinkerModel() {
		return this.thinkerModel;
	}

	public String getThinkerProvider() {
		return this.thinkerProvider;
	}

	public Integer getThinkerPromptTokens() {
		return this.thinkerPromptTokens;
	}

	public Integer getThinkerCompletionTokens() {
		return this.thinkerCompletionTokens;
	}

	public Integer getThinkerReasoningTokens() {
		return this.thinkerReasoningTokens;
	}

	public BigDecimal getThinkerCost() {
		return this.thinkerCost;
	}

	public UUID getCompareGroup() {
		return this.compareGroup;
	}

	public Integer getCompareColumn() {
		return this.compareColumn;
	}

}
