package dev.ponder.preset;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.ponder.conversation.AnswerParameters;
import dev.ponder.conversation.ReasoningSetting;
import dev.ponder.conversation.ReasoningSettingConverter;
import dev.ponder.persistence.NewUntilStored;

/**
 * A named set-up for the composer: endpoint, model, reasoning, system prompt, sampling
 * parameters, and a relay or a compare. A person's own, or shared with everyone by an
 * administrator.
 */
@Entity
@Table(name = "preset")
class Preset extends NewUntilStored<UUID> {

	static final int MAX_NAME_LENGTH = 100;

	/** The {@link #ownerKey} of presets made with accounts off. */
	static final UUID NO_OWNER = new UUID(0, 0);

	@Id
	private UUID id;

	/** The account whose preset this is; null when made with accounts off. */
	private UUID ownerId;

	/**
	 * The owner, or {@link #NO_OWNER} with accounts off: the key names are unique by, as
	 * a unique key does not compare nulls.
	 */
	private UUID ownerKey;

	private String name;

	/** The name in lower case, unique per owner. */
	private String nameKey;

	private boolean shared;

	private String endpoint;

	private String model;

	@Convert(converter = ReasoningSettingConverter.class)
	private ReasoningSetting reasoningSetting;

	private String systemPrompt;

	@Embedded
	private AnswerParameters parameters;

	private String thinkerModel;

	@Convert(converter = ReasoningSettingConverter.class)
	private ReasoningSetting thinkerReasoning;

	/**
	 * The compare's columns as JSON, or null for none; {@link PresetService} reads it.
	 */
	@Column(name = "compare_columns")
	private String compareColumns;

	private Instant createdAt;

	private Instant updatedAt;

	protected Preset() {
	}

	Preset(UUID ownerId, String name, Instant now) {
		this.id = UUID.randomUUID();
		this.ownerId = ownerId;
		this.ownerKey = (ownerId != null) ? ownerId : NO_OWNER;
		rename(name);
		this.createdAt = now;
		this.updatedAt = now;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	/** The key two names are compared by: "Terse" and "terse " are one name. */
	static String nameKey(String name) {
		return name.strip().toLowerCase(Locale.ROOT);
	}

	void rename(String name) {
		this.name = name.strip();
		this.nameKey = nameKey(name);
	}

	/** Hands a preset made with accounts off to an account, under this name. */
	void adoptBy(UUID accountId, String name) {
		this.ownerId = accountId;
		this.ownerKey = accountId;
		rename(name);
	}

	void share(boolean shared) {
		this.shared = shared;
	}

	void useEndpoint(String endpoint) {
		this.endpoint = endpoint;
	}

	void useModel(String model) {
		this.model = model;
	}

	void reason(ReasoningSetting setting) {
		this.reasoningSetting = setting;
	}

	void instruct(String systemPrompt) {
		this.systemPrompt = systemPrompt;
	}

	void sample(AnswerParameters parameters) {
		this.parameters = (parameters == null || parameters.isDefault()) ? null : parameters;
	}

	/** A relay through {@code thinker}, or none when it is null. */
	void relay(String thinker, ReasoningSetting thinkerReasoning) {
		this.thinkerModel = thinker;
		this.thinkerReasoning = (thinker != null) ? thinkerReasoning : null;
	}

	void compare(String columnsJson) {
		this.compareColumns = columnsJson;
	}

	void touch(Instant now) {
		this.updatedAt = now;
	}

	UUID getOwnerId() {
		return this.ownerId;
	}

	String getNameKey() {
		return this.nameKey;
	}

	String getName() {
		return this.name;
	}

	boolean isShared() {
		return this.shared;
	}

	String getEndpoint() {
		return this.endpoint;
	}

	String getModel() {
		return this.model;
	}

	ReasoningSetting getReasoningSetting() {
		return this.reasoningSetting;
	}

	String getSystemPrompt() {
		return this.systemPrompt;
	}

	AnswerParameters getParameters() {
		return (this.parameters != null) ? this.parameters : AnswerParameters.DEFAULTS;
	}

	String getThinkerModel() {
		return this.thinkerModel;
	}

	ReasoningSetting getThinkerReasoning() {
		return this.thinkerReasoning;
	}

	String getCompareColumns() {
		return this.compareColumns;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
