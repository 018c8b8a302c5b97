package dev.ponder.conversation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The part of an answer's cost that paid for its reasoning. Upstreams bill reasoning
 * tokens as completion tokens and report one cost for the whole answer, so the reasoning
 * part is an estimate: reasoning tokens times the model's completion price, taken when
 * the answer ends and kept with it (prices change). Never more than the cost the upstream
 * reported, which is authoritative for the total: a discount or a key of one's own can
 * make the listed price too high.
 */
public final class ReasoningCost {

	/** Decimals kept, as many as the column holds. */
	private static final int SCALE = 10;

	private ReasoningCost() {
	}

	/**
	 * What the answer's reasoning cost: for a relayed answer, the thinker's reasoning at
	 * the thinker's price plus the answerer's own at its price. Zero without reasoning
	 * tokens; {@code null} when a model that reasoned has no known price.
	 * @param usage what the answer used, its cost the total of both models
	 * @param thinker what a relay's thinking used, or {@link TokenUsage#NONE}
	 */
	static BigDecimal estimate(CompletionPrices prices, String endpoint, String model, TokenUsage usage,
			String thinkerModel, TokenUsage thinker) {
		BigDecimal own = part(prices, endpoint, model, usage);
		BigDecimal thinking = part(prices, endpoint, thinkerModel, thinker);
		if (own == null || thinking == null) {
			return null;
		}
		BigDecimal estimate = own.add(thinking);
		if (usage.cost() != null && estimate.compareTo(usage.cost()) > 0) {
			estimate = usage.cost();
		}
		return estimate.setScale(SCALE, RoundingMode.HALF_UP);
	}

	private static BigDecimal part(CompletionPrices prices, String endpoint, String model, TokenUsage usage) {
		int tokens = orZero(usage.reasoningTokens());
		if (tokens == 0) {
			return BigDecimal.ZERO;
		}
		Optional<BigDecimal> price = (model != null) ? prices.perToken(endpoint, model) : Optional.empty();
		return price.map((perToken) -> perToken.multiply(BigDecimal.valueOf(tokens))).orElse(null);
	}

	/**
	 * A stored reasoning cost as shown: zero for an answer that did not reason (even one
	 * stored before reasoning costs were), {@code null} only where it reasoned at an
	 * unknown price.
	 */
	static BigDecimal known(BigDecimal stored, TokenUsage usage, TokenUsage thinker) {
		return (stored == null && tokens(usage, thinker) == 0) ? BigDecimal.ZERO : stored;
	}

	/** Reasoning tokens of the answer and of its thinker, if relayed. */
	static int tokens(TokenUsage usage, TokenUsage thinker) {
		return orZero(usage.reasoningTokens()) + orZero(thinker.reasoningTokens());
	}

	/** Whether an answer reasoned at a price nobody knows. */
	public static boolean isUnknown(BigDecimal stored, Integer reasoningTokens, Integer thinkerReasoningTokens) {
		return stored == null && (orZero(reasoningTokens) + orZero(thinkerReasoningTokens)) > 0;
	}

	private static int orZero(Integer count) {
		return (count != null) ? count : 0;
	}

}
