package dev.ponder.conversation;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reasoning share of an answer's cost: reasoning tokens at the completion price,
 * never more than the cost reported, unknown (not guessed) where a model that reasoned
 * has no price or its reasoning tokens were never reported, and zero where nothing
 * reasoned.
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

		assertThat(relay("free", answer, "priced", thinker)).isEqualByComparingTo("0.0016");
		assertThat(relay("priced", answer, "unlisted", thinker)).isNull();
		assertThat(relay("unlisted", usage(0, "0.0045"), "priced", thinker))
			.as("the answerer did not reason: its price does not matter")
			.isEqualByComparingTo("0.0016");
	}

	@Test
	void reasoningWhoseTokensWereNeverReportedIsUnknownNotFree() {
		TokenUsage noReasoningCount = new TokenUsage(10, 600, null, new BigDecimal("0.003"));

		assertThat(estimate("priced", noReasoningCount, true)).as("a server that does not count reasoning").isNull();
		assertThat(estimate("priced", TokenUsage.NONE, true)).as("stopped before its usage came").isNull();
		assertThat(estimate("priced", noReasoningCount, false)).as("nothing reasoned: nothing to count")
			.isEqualByComparingTo("0");
		assertThat(estimate("free", noReasoningCount, true)).as("a free model's reasoning is free, however long")
			.isEqualByComparingTo("0");
		assertThat(estimate("priced", new TokenUsage(10, 600, null, BigDecimal.ZERO), true))
			.as("an answer reported free paid nothing for reasoning")
			.isEqualByComparingTo("0");
	}

	@Test
	void aRelayWhoseThinkerSentNoUsageIsUnknown() {
		TokenUsage answer = usage(0, "0.0045");

		assertThat(ReasoningCost.estimate(PRICES, "openrouter", "priced", answer, "priced", TokenUsage.NONE, true))
			.isNull();
		assertThat(ReasoningCost.estimate(PRICES, "openrouter", "priced", new TokenUsage(10, 20, null, null), "priced",
				usage(800, null), true))
			.as("the answerer's own reasoning is never shown: no count means it did not reason")
			.isEqualByComparingTo("0.0016");
	}

	@Test
	void anImportedAnswerFromAFileWithoutReasoningCostsIsZeroOnlyIfItDidNotReason() {
		assertThat(ReasoningCost.imported(null, usage(0, "0.001"), TokenUsage.NONE, "")).isEqualByComparingTo("0");
		assertThat(ReasoningCost.imported(null, usage(5, "0.001"), TokenUsage.NONE, "")).isNull();
		assertThat(ReasoningCost.imported(null, TokenUsage.NONE, TokenUsage.NONE, "Hmm.")).isNull();
		assertThat(ReasoningCost.imported(new BigDecimal("0.0002"), usage(5, "0.001"), TokenUsage.NONE, "Hmm."))
			.isEqualByComparingTo("0.0002");
	}

	private static BigDecimal estimate(String model, TokenUsage usage) {
		return estimate(model, usage, usage.reasoningTokens() != null && usage.reasoningTokens() > 0);
	}

	private static BigDecimal estimate(String model, TokenUsage usage, boolean reasoned) {
		return ReasoningCost.estimate(PRICES, "openrouter", model, usage, null, TokenUsage.NONE, reasoned);
	}

	private static BigDecimal relay(String model, TokenUsage answer, String thinkerModel, TokenUsage thinker) {
		return ReasoningCost.estimate(PRICES, "openrouter", model, answer, thinkerModel, thinker, true);
	}

	private static TokenUsage usage(int reasoningTokens, String cost) {
		return new TokenUsage(10, reasoningTokens + 10, reasoningTokens, (cost != null) ? new BigDecimal(cost) : null);
	}

}
