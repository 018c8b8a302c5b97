package dev.ponder.preset;

import com.fasterxml.jackson.annotation.JsonAlias;

import dev.ponder.conversation.ReasoningSetting;

/**
 * How hard a preset's model thinks, in the parts the API shows an answer's
 * {@code reasoningAsked} in: an effort level, a budget of reasoning tokens, or hidden.
 *
 * @param effort {@code xhigh}, {@code high}, {@code medium}, {@code low}, {@code minimal}
 * or {@code none}
 * @param maxTokens a reasoning budget in tokens
 * @param hidden whether the model's reasoning is kept from the answer ({@code exclude} is
 * read as the same)
 */
public record PresetReasoning(String effort, Integer maxTokens, @JsonAlias("exclude") Boolean hidden) {

	/** The parts of a stored setting, or null for none. */
	static PresetReasoning of(ReasoningSetting setting) {
		return (setting != null) ? new PresetReasoning(setting.effort(), setting.maxTokens(), setting.hidden()) : null;
	}

	/** The setting these parts stand for, once checked. */
	ReasoningSetting setting() {
		return new ReasoningSetting(this.effort, this.maxTokens, Boolean.TRUE.equals(this.hidden));
	}

}
