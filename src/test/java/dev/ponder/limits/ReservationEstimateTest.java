package dev.ponder.limits;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import dev.ponder.catalog.CatalogModel;

import static org.assertj.core.api.Assertions.assertThat;

/** What an answer is held against the limits for, before it is asked. */
class ReservationEstimateTest {

	/** DeepSeek R1's listed prices: $0.40 and $2 a million tokens. */
	private static final CatalogModel.Pricing R1 = new CatalogModel.Pricing(0.4, 2.0);

	@Test
	void theBudgetAskedIsPaidAtTheCompletionPriceAndTheHistoryAtThePromptPrice() {
		// 4,000 characters are about 1,000 tokens: $0.0004; 1,000 completion tokens:
		// $0.002.
		assertThat(ReservationEstimate.amount(R1, 4000, 1000, null, 8000)).isEqualByComparingTo("0.0024");
	}

	@Test
	void withoutMaxTokensTheDefaultAndTheReasoningBudgetAreAssumed() {
		assertThat(ReservationEstimate.amount(R1, 0, null, null, 8000)).isEqualByComparingTo("0.016");
		assertThat(ReservationEstimate.amount(R1, 0, null, 2000, 8000)).isEqualByComparingTo("0.02");
	}

	@Test
	void maxTokensAlreadyCountsTheReasoning() {
		assertThat(ReservationEstimate.amount(R1, 0, 500, 2000, 8000)).isEqualByComparingTo("0.001");
	}

	@Test
	void aPartialTokenOfPromptCountsWhole() {
		assertThat(ReservationEstimate.amount(new CatalogModel.Pricing(1_000_000.0, null), 5, 0, null, 0))
			.isEqualByComparingTo("2");
	}

	@Test
	void aModelWithoutPricesHoldsNothing() {
		assertThat(ReservationEstimate.amount(null, 40_000, null, null, 8000)).isEqualByComparingTo(BigDecimal.ZERO);
		assertThat(ReservationEstimate.amount(new CatalogModel.Pricing(null, null), 40_000, null, null, 8000))
			.isEqualByComparingTo(BigDecimal.ZERO);
	}

	@Test
	void anAnswerEndedWithoutACostIsEstimatedFromItsPromptAndWhatItWrote() {
		// 4,000 characters of prompt: $0.0004; 400 written, about 100 tokens: $0.0002.
		assertThat(ReservationEstimate.written(R1, 4000, 400)).isEqualByComparingTo("0.0006");
		assertThat(ReservationEstimate.written(R1, 0, 0)).isEqualByComparingTo(BigDecimal.ZERO);
		assertThat(ReservationEstimate.written(null, 4000, 400)).isEqualByComparingTo(BigDecimal.ZERO);
	}

}
