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
 * <p>
 * Every answer stores one, {@code null} meaning unknown (and only that): a model that
 * reasoned at a price nobody knows, or reasoning whose tokens were never reported.
 */
public final class ReasoningCost {

	/** Decimals kept, as many as the column holds. */
	private static final int SCALE = 10;

	private ReasoningCost() {
	}

	/**
	 * What the answer's reasoning cost: for a relayed answer, the thinker's reasoning at
	 * the thinker's price plus the answerer's own at its price. Zero when nothing
	 * reasoned or the answer was free; {@code null} when a model that reasoned has no
	 * known price, or reasoned without its tokens being reported (a server that does not
	 * count them, a thinker that sent no usage, an answer stopped before its usage came).
	 * @param usage what the answer used, its cost the total of both models
	 * @param thinker what a relay's thinking used, or {@link TokenUsage#NONE}
	 * @param reasoned whether reasoning arrived (text or details): a relay's is its
	 * thinker's, the answerer's own reasoning is never shown
	 */
	static BigDecimal estimate(CompletionPrices prices, String endpoint, String model, TokenUsage usage,
			String thinkerModel, TokenUsage thinker, boolean reasoned) {
		boolean relayed = thinkerModel != null;
		BigDecimal own = part(prices, endpoint, model, usage, reasoned && !relayed);
		BigDecimal thinking = part(prices, endpoint, thinkerModel, thinker, reasoned && relayed);
		if (usage.cost() != null && usage.cost().signum() == 0) {
			// Nothing was paid, so nothing was paid for reasoning, whatever is unknown.
			return BigDecimal.ZERO;
		}
		if (own == null || thinking == null) {
			return null;
		}
		BigDecimal estimate = own.add(thinking);
		if (usage.cost() != null && estimate.compareTo(usage.cost()) > 0) {
			estimate = usage.cost();
		}
		return estimate.setScale(SCALE, RoundingMode.HALF_UP);
	}

	private static BigDecimal part(CompletionPrices prices, String endpoint, String model, TokenUsage usage,
			boolean reasoned) {
		Integer tokens = usage.reasoningTokens();
		if ((tokens == null && !reasoned) || (tokens != null && tokens == 0)) {
			return BigDecimal.ZERO;
		}
		Optional<BigDecimal> price = (model != null) ? prices.perToken(endpoint, model) : Optional.empty();
		if (tokens == null) {
			// Reasoned, but how much is unknown: only a free model's is known.
			return price.filter((perToken) -> perToken.signum() == 0).orElse(null);
		}
		return price.map((perToken) -> perToken.multiply(BigDecimal.valueOf(tokens))).orElse(null);
	}

	/**
	 * The reasoning cost an imported answer keeps: the file's, or, where the file has
	 * none (it was written before reasoning costs were kept), zero for an answer that did
	 * not reason and unknown for one that did.
	 */
	static BigDecimal imported(BigDecimal fromFile, TokenUsage usage, TokenUsage thinker, String reasoning) {
		if (fromFile != null) {
			return fromFile;
		}
		boolean reasoned = orZero(usage.reasoningTokens()) + orZero(thinker.reasoningTokens()) > 0
				|| (reasoning != null && !reasoning.isEmpty());
		return reasoned ? null : BigDecimal.ZERO;
	}

	/**
	 * An amount as the API sends it: {@code 0.0012}, not the column's
	 * {@code 0.0012000000}; {@code null} stays unknown.
	 */
	public static BigDecimal shown(BigDecimal amount) {
		return (amount != null) ? amount.stripTrailingZeros() : null;
	}

	private static int orZero(Integer count) {
		return (count != null) ? count : 0;
	}

}
