package dev.ponder.chat;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import dev.ponder.conversation.ReasoningSetting;
import dev.ponder.upstream.ReasoningRequest;

/**
 * How hard the model should think, as a person or script asks for it: an effort level, a
 * token budget, or {@code exclude} (the model thinks, but nothing of it comes back).
 *
 * @param effort {@code xhigh}, {@code high}, {@code medium}, {@code low},
 * {@code minimal}, or {@code none} to turn reasoning off
 * @param maxTokens a reasoning budget in tokens
 * @param exclude whether the reasoning is kept from the answer
 */
public record ReasoningOptions(
		@Pattern(regexp = "xhigh|high|medium|low|minimal|none",
				message = "Reasoning effort must be one of xhigh, high, medium, low, minimal or none.") String effort,
		@Positive(message = "Reasoning maxTokens must be positive.") @Max(value = 1_000_000,
				message = "Reasoning maxTokens must be at most 1,000,000.") Integer maxTokens,
		Boolean exclude) {

	/** The composer's choice "hidden": the model reasons, nothing of it is shown. */
	static final String HIDDEN = ReasoningSetting.HIDDEN.format();

	/** Reads the composer's single choice: an effort level, or "hidden". */
	static ReasoningOptions fromChoice(String choice) {
		return HIDDEN.equals(choice) ? new ReasoningOptions(null, null, true)
				: new ReasoningOptions(choice, null, null);
	}

	@AssertTrue(message = "Give reasoning an effort or maxTokens, not both.")
	boolean isEffortOrBudget() {
		return this.effort == null || this.maxTokens == null;
	}

	boolean excluded() {
		return Boolean.TRUE.equals(this.exclude);
	}

	/** The request object OpenRouter understands. */
	ReasoningRequest toRequest(String defaultEffort) {
		Boolean excludeFlag = excluded() ? Boolean.TRUE : null;
		if (this.maxTokens != null) {
			return new ReasoningRequest(null, this.maxTokens, excludeFlag);
		}
		if (this.effort == null && excluded()) {
			return new ReasoningRequest(null, null, true);
		}
		return new ReasoningRequest((this.effort != null) ? this.effort : defaultEffort, null, excludeFlag);
	}

	/** The choice as stored with the answer. */
	ReasoningSetting setting(String defaultEffort) {
		if (excluded()) {
			return ReasoningSetting.HIDDEN;
		}
		if (this.maxTokens != null) {
			return ReasoningSetting.budget(this.maxTokens);
		}
		return ReasoningSetting.effort((this.effort != null) ? this.effort : defaultEffort);
	}

}
