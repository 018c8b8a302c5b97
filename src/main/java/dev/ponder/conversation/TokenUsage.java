package dev.ponder.conversation;

import java.math.BigDecimal;

import jakarta.persistence.Embeddable;

/**
 * What an answer (or a relay's thinking) used, in tokens and dollars, as far as the
 * upstream reported it; any part may be unknown ({@code null}). A message holds one for
 * its answer and one for its thinker, and the API, the pages and exports show it as it
 * is.
 *
 * @param promptTokens tokens of the prompt
 * @param completionTokens tokens of the completion, reasoning included
 * @param reasoningTokens tokens of reasoning
 * @param cost dollars
 */
@Embeddable
public record TokenUsage(Integer promptTokens, Integer completionTokens, Integer reasoningTokens, BigDecimal cost) {

	/** Nothing reported. */
	public static final TokenUsage NONE = new TokenUsage(null, null, null, null);

	/** The start of a sum: no tokens, no cost known yet. */
	static final TokenUsage ZERO = new TokenUsage(0, 0, 0, null);

	/**
	 * Both together; an unknown count adds nothing, and the cost stays unknown only if
	 * both are.
	 */
	public TokenUsage plus(TokenUsage other) {
		return new TokenUsage(orZero(this.promptTokens) + orZero(other.promptTokens),
				orZero(this.completionTokens) + orZero(other.completionTokens),
				orZero(this.reasoningTokens) + orZero(other.reasoningTokens), sum(this.cost, other.cost));
	}

	/** The same tokens, with {@code more} dollars added to the cost. */
	public TokenUsage plusCost(BigDecimal more) {
		return new TokenUsage(this.promptTokens, this.completionTokens, this.reasoningTokens, sum(this.cost, more));
	}

	private static int orZero(Integer count) {
		return (count != null) ? count : 0;
	}

	private static BigDecimal sum(BigDecimal a, BigDecimal b) {
		if (a == null) {
			return b;
		}
		return (b != null) ? a.add(b) : a;
	}

}
