package dev.ponder.limits;

import java.math.BigDecimal;
import java.math.RoundingMode;

import dev.ponder.catalog.CatalogModel;

/**
 * What an answer may cost at most, reckoned before it is asked for: the prompt at about
 * four characters a token, and the completion at its budget. It is held against the
 * person's limits while the answer runs. A model whose endpoint lists no prices (a
 * self-hosted server) holds nothing: its answers are free as far as Ponder knows.
 */
final class ReservationEstimate {

	static final int CHARACTERS_PER_TOKEN = 4;

	private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

	private ReservationEstimate() {
	}

	/**
	 * @param pricing the model's prices per million tokens, or {@code null} where unknown
	 * @param promptCharacters the length of everything sent
	 * @param maxTokens the request's completion budget, or {@code null}
	 * @param reasoningBudget the request's reasoning budget, or {@code null}
	 * @param defaultTokens the completion assumed without a {@code maxTokens}
	 */
	static BigDecimal amount(CatalogModel.Pricing pricing, long promptCharacters, Integer maxTokens,
			Integer reasoningBudget, int defaultTokens) {
		if (pricing == null) {
			return BigDecimal.ZERO;
		}
		long promptTokens = (promptCharacters + CHARACTERS_PER_TOKEN - 1) / CHARACTERS_PER_TOKEN;
		// max_tokens counts the reasoning too; without it, the reasoning budget comes on
		// top of the assumed answer.
		long completionTokens = (maxTokens != null) ? maxTokens
				: defaultTokens + ((reasoningBudget != null) ? reasoningBudget : 0);
		return price(pricing.prompt(), promptTokens).add(price(pricing.completion(), completionTokens))
			.setScale(10, RoundingMode.UP);
	}

	private static BigDecimal price(Double perMillion, long tokens) {
		if (perMillion == null || perMillion <= 0) {
			return BigDecimal.ZERO;
		}
		return BigDecimal.valueOf(perMillion).multiply(BigDecimal.valueOf(tokens)).divide(MILLION);
	}

}
