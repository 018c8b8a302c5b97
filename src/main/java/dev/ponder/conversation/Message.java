package dev.ponder.conversation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

import dev.ponder.persistence.NewUntilStored;
import dev.ponder.problem.ErrorCode;

/**
 * One message of a conversation: what a person wrote, or a model's answer with its
 * reasoning, usage, timings and how it ended.
 */
@Entity
@DynamicUpdate
@Table(name = "message")
public class Message extends NewUntilStored<UUID> {

	/** The error code of an answer whose instance stopped without ending it. */
	static final String INTERRUPTED = ErrorCode.INTERRUPTED.code();

	static final String INTERRUPTED_MESSAGE = "Interrupted by a restart of Ponder. What had arrived is kept; try again.";

	/**
	 * The endpoint of answers that name none: OpenRouter, as before there were others.
	 */
	static final String DEFAULT_ENDPOINT = "openrouter";

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

	@Convert(converter = ReasoningSettingConverter.class)
	private ReasoningSetting reasoningSetting;

	private String provider;

	private String generationId;

	private String finishReason;

	private String nativeFinishReason;

	private String errorCode;

	private String errorMessage;

	@Embedded
	private TokenUsage usage;

	private Instant createdAt;

	private Instant reasoningStartedAt;

	private Instant contentStartedAt;

	private Instant finishedAt;

	private String thinkerModel;

	private String thinkerProvider;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "promptTokens", column = @Column(name = "thinker_prompt_tokens")),
			@AttributeOverride(name = "completionTokens", column = @Column(name = "thinker_completion_tokens")),
			@AttributeOverride(name = "reasoningTokens", column = @Column(name = "thinker_reasoning_tokens")),
			@AttributeOverride(name = "cost", column = @Column(name = "thinker_cost")) })
	private TokenUsage thinkerUsage;

	@Embedded
	private AnswerParameters parameters;

	private UUID compareGroup;

	private Integer compareColumn;

	/**
	 * See {@link ReasoningCost}; {@code null} where it is unknown, and while the answer
	 * streams.
	 */
	private BigDecimal reasoningCost;

	private boolean carriedReasoning;

	/** See {@link ThreadHash}: kept for conversations made through the API. */
	private String threadHash;

	protected Message() {
	}

	public String getThreadHash() {
		return this.threadHash;
	}

	void setThreadHash(String threadHash) {
		this.threadHash = threadHash;
	}

	/**
	 * Erases what was said and thought, for a call not to be saved once its answer ended:
	 * what it cost and how long it took stay.
	 */
	void forget() {
		this.content = "";
		this.reasoning = "";
		this.reasoningDetails = null;
		this.errorMessage = null;
		this.threadHash = null;
	}

	/** The sampling set-up this answer was asked with; all defaults for a question. */
	public AnswerParameters getParameters() {
		return (this.parameters != null) ? this.parameters : AnswerParameters.DEFAULTS;
	}

	void setParameters(AnswerParameters parameters) {
		this.parameters = (parameters == null || parameters.isDefault()) ? null : parameters;
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

	/**
	 * An earlier answer a client of the API sends as part of the thread, not asked of any
	 * model here: it has no model, and cost nothing.
	 */
	static Message givenAnswer(UUID conversationId, UUID parentId, int position, String content, Instant now) {
		Message message = new Message(conversationId, parentId, position, MessageRole.ASSISTANT, MessageStatus.COMPLETE,
				content, now);
		message.endpoint = null;
		message.finishedAt = now;
		message.reasoningCost = BigDecimal.ZERO;
		return message;
	}

	static Message streamingAnswer(UUID conversationId, UUID parentId, int position, String model,
			ReasoningSetting reasoningSetting, Instant now) {
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
		message.usage = source.usage();
		message.reasoningStartedAt = source.reasoningStartedAt();
		message.contentStartedAt = source.contentStartedAt();
		message.finishedAt = source.finishedAt();
		if (source.relay() != null) {
			message.thinkerModel = source.relay().thinkerModel();
			message.thinkerProvider = source.relay().thinkerProvider();
			message.thinkerUsage = source.relay().thinkerUsage();
		}
		if (source.compare() != null) {
			message.compareIn(source.compare().group(), source.compare().column());
		}
		if (source.role() == MessageRole.ASSISTANT) {
			message.setParameters(source.parameters());
			// One still streaming has its reasoning cost reckoned when it ends.
			message.reasoningCost = (source.status() == MessageStatus.STREAMING) ? source.reasoningCost()
					: ReasoningCost.imported(source.reasoningCost(), message.getUsage(), message.getThinkerUsage(),
							message.reasoning);
			message.carriedReasoning = source.carriedReasoning();
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

	/** Marks an answer as asked with earlier answers' reasoning sent back upstream. */
	void askedWithEarlierReasoning() {
		this.carriedReasoning = true;
	}

	/**
	 * Marks an answer written from another's stored reasoning as that answer was marked:
	 * the reasoning is the other's, and so is what it saw.
	 */
	void reusesReasoningOf(Message earlier) {
		this.carriedReasoning = earlier.carriedReasoning;
		// Its thinker is not asked again: its thinking costs nothing this time.
		this.thinkerUsage = new TokenUsage(0, 0, 0, BigDecimal.ZERO);
	}

	/**
	 * Ends the answer, its reasoning reckoned at today's prices; an answer ends once.
	 */
	void finish(AnswerOutcome outcome, CompletionPrices prices) {
		if (this.status != MessageStatus.STREAMING) {
			return;
		}
		apply(outcome.progress());
		this.status = outcome.status();
		this.provider = outcome.served().provider();
		this.generationId = outcome.served().generationId();
		this.finishReason = outcome.served().finishReason();
		this.nativeFinishReason = outcome.served().nativeFinishReason();
		this.usage = outcome.usage();
		this.errorCode = (outcome.error() != null) ? outcome.error().code() : null;
		this.errorMessage = (outcome.error() != null) ? shortened(outcome.error().message()) : null;
		this.finishedAt = outcome.finishedAt();
		if (outcome.thinker() != null) {
			this.thinkerProvider = outcome.thinker().provider();
			this.thinkerUsage = outcome.thinker().usage();
		}
		this.reasoningCost = ReasoningCost.estimate(prices, this.endpoint, this.model, getUsage(), this.thinkerModel,
				getThinkerUsage(), hasReasoning());
	}

	private static String shortened(String errorMessage) {
		return (errorMessage != null && errorMessage.length() > ImportLimits.ERROR_MESSAGE_LENGTH)
				? errorMessage.substring(0, ImportLimits.ERROR_MESSAGE_LENGTH) : errorMessage;
	}

	/** Ends an answer that its instance left streaming, keeping the last checkpoint. */
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

	public ReasoningSetting getReasoningSetting() {
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

	/**
	 * What the answer used ({@link TokenUsage#NONE} for a person's message, or before the
	 * upstream said).
	 */
	public TokenUsage getUsage() {
		// A row whose four columns are all null is read back as no embedded value at all.
		return (this.usage != null) ? this.usage : TokenUsage.NONE;
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

	/**
	 * The model whose reasoning an answer holds: a relay's thinker, else the model that
	 * answered.
	 */
	String reasoningModel() {
		return (this.thinkerModel != null) ? this.thinkerModel : this.model;
	}

	/** What a relayed answer's thinking used. */
	public TokenUsage getThinkerUsage() {
		return (this.thinkerUsage != null) ? this.thinkerUsage : TokenUsage.NONE;
	}

	public UUID getCompareGroup() {
		return this.compareGroup;
	}

	public Integer getCompareColumn() {
		return this.compareColumn;
	}

	/**
	 * What the reasoning cost, at the price of when the answer ended: zero if it did not
	 * reason, {@code null} where that is unknown.
	 */
	public BigDecimal getReasoningCost() {
		return this.reasoningCost;
	}

	/** Whether any reasoning arrived, as text or as details. */
	private boolean hasReasoning() {
		return !this.reasoning.isEmpty() || (this.reasoningDetails != null && !this.reasoningDetails.isEmpty());
	}

	/** Whether this answer was asked with earlier answers' reasoning sent back. */
	public boolean isCarriedReasoning() {
		return this.carriedReasoning;
	}

}
