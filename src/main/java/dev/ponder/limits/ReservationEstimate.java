package dev.ponder.limits;

import java.math.BigDecimal;
import java.math.RoundingMode;

import dev.ponder.catalog.CatalogModel;

/**
 * What an answer may cost, reckoned before it is asked for: the prompt at about four
 * characters a token, and the completion at its budget. It is held against the person's
 * limits while the answer runs. It bounds the cost only where the request caps the
 * answer's length ({@code maxTokens}, or a reasoning budget the model keeps to);
 * otherwise it is an estimate, and a long answer can cost more. A model whose endpoint
 * lists no prices (a self-hosted server) holds nothing: its answers are free as far as
 * Ponder knows.
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
		long promptTokens = tokens(promptCharacters);
		// max_tokens counts the reasoning too; without it, the reasoning budget comes on
		// top of the assumed answer.
		long completionTokens = (maxTokens != null) ? maxTokens
				: defaultTokens + ((reasoningBudget != null) ? reasoningBudget : 0);
		return price(pricing.prompt(), promptTokens).add(price(pricing.completion(), completionTokens))
			.setScale(10, RoundingMode.UP);
	}

	/**
	 * What the upstream likely billed for an answer that ended without saying: its
	 * prompt, and what it wrote at about four characters a token, at the completion
	 * price.
	 * @param pricing the model's prices per million tokens, or {@code null} where unknown
	 * @param promptCharacters the length of everything sent
	 * @param writtenCharacters the length of the reasoning and content written
	 */
	static BigDecimal written(CatalogModel.Pricing pricing, long promptCharacters, long writtenCharacters) {
		if (pricing == null) {
			return BigDecimal.ZERO;
		}
		return price(pricing.prompt(), tokens(promptCharacters))
			.add(price(pricing.completion(), tokens(writtenCharacters)))
			.setScale(10, RoundingMode.UP);
	}

	private static long tokens(long characters) {
		return (Math.max(characters, 0) + CHARACTERS_PER_TOKEN - 1) / CHARACTERS_PER_TOKEN;
	}

	private static BigDecimal price(Double perMillion, long tokens) {
		if (perMillion == null || perMillion <= 0) {
			return BigDecimal.ZERO;
		}
		return BigDecimal.valueOf(perMillion).multiply(BigDecimal.valueOf(tokens)).divide(MILLION);
	}

}
