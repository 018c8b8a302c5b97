package dev.ponder.limits;

/**
 * An answer about to be asked for, as far as its cost goes: the model, and the budgets
 * the request names.
 *
 * @param endpoint the endpoint that serves the model
 * @param model the model that writes the answer
 * @param maxTokens the request's {@code maxTokens}, or {@code null}
 * @param reasoningBudget the request's reasoning budget in tokens, or {@code null}
 * @param thinker a relay's thinking model, or {@code null}
 * @param thinkerBudget the thinker's reasoning budget in tokens, or {@code null}
 */
public record PlannedAnswer(String endpoint, String model, Integer maxTokens, Integer reasoningBudget, String thinker,
		Integer thinkerBudget) {

	/** An answer of one model. */
	public static PlannedAnswer of(String endpoint, String model, Integer maxTokens, Integer reasoningBudget) {
		return new PlannedAnswer(endpoint, model, maxTokens, reasoningBudget, null, null);
	}

}
