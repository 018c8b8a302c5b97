package dev.ponder.conversation;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reasoning share of an answer's cost: reasoning tokens at the completion price,
 * never more than the cost reported, unknown (not guessed) where a model that reasoned
 * has no price, and zero where nothing reasoned.
 */
class ReasoningCostEstimateTest {

	/** A catalog: a priced model, a free one (listed at 0), and nothing else. */
	private static final CompletionPrices PRICES = (endpoint, model) -> Optional
		.ofNullable(Map.of("priced", new BigDecimal("0.000002"), "free", BigDecimal.ZERO).get(model));

	@Test
	void reasoningTokensCostTheCompletionPrice() {
		assertThat(estimate("priced", usage(600, "0.003"))).isEqualByComparingTo("0.0012");
	}

	@Test
	void neverMoreThanTheUpstreamReported() {
		assertThat(estimate("priced", usage(5000, "0.004"))).isEqualByComparingTo("0.004");
		assertThat(estimate("priced", usage(5000, null))).as("no cost reported: the estimate alone")
			.isEqualByComparingTo("0.01");
	}

	@Test
	void aModelListedAtZeroIsFreeAndAnUnlistedOneIsUnknown() {
		assertThat(estimate("free", usage(600, null))).isEqualByComparingTo("0");
		assertThat(estimate("unlisted", usage(600, "0.003"))).isNull();
	}

	@Test
	void anAnswerThatDidNotReasonCostsNothingForReasoningWhateverItsPrice() {
		assertThat(estimate("unlisted", usage(0, "0.003"))).isEqualByComparingTo("0");
		assertThat(estimate("unlisted", TokenUsage.NONE)).isEqualByComparingTo("0");
	}

	@Test
	void aRelayAddsEachModelsReasoningAtItsOwnPriceAndIsUnknownIfEitherIs() {
		TokenUsage thinker = usage(800, "0.0025");
		TokenUsage answer = usage(100, "0.0045");

		assertThat(ReasoningCost.estimate(PRICES, "openrouter", "free", answer, "priced", thinker))
			.isEqualByComparingTo("0.0016");
		assertThat(ReasoningCost.estimate(PRICES, "openrouter", "priced", answer, "unlisted", thinker)).isNull();
		assertThat(ReasoningCost.estimate(PRICES, "openrouter", "unlisted", usage(0, "0.0045"), "priced", thinker))
			.as("the answerer did not reason: its price does not matter")
			.isEqualByComparingTo("0.0016");
	}

	@Test
	void onlyAnAnswerThatReasonedWithoutAStoredCostIsUnknown() {
		assertThat(ReasoningCost.isUnknown(null, 10, null)).isTrue();
		assertThat(ReasoningCost.isUnknown(null, 0, 5)).isTrue();
		assertThat(ReasoningCost.isUnknown(null, 0, null)).isFalse();
		assertThat(ReasoningCost.isUnknown(BigDecimal.ZERO, 10, null)).isFalse();
	}

	private static BigDecimal estimate(String model, TokenUsage usage) {
		return ReasoningCost.estimate(PRICES, "openrouter", model, usage, null, TokenUsage.NONE);
	}

	private static TokenUsage usage(int reasoningTokens, String cost) {
		return new TokenUsage(10, reasoningTokens + 10, reasoningTokens, (cost != null) ? new BigDecimal(cost) : null);
	}

}
