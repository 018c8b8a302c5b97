package dev.ponder.usage;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UsageTotalTest {

	@Test
	void whenNoReasoningWasPricedAndSomeIsUnknownThePageSaysUnknownInsteadOfZeroDollars() {
		UsageTotal total = UsageTotal.of(report(new BigDecimal("0.0040"), BigDecimal.ZERO, 4));

		assertThat(total.reasoning()).isNull();
		assertThat(total.reasoningUnknown()).isEqualTo("Reasoning cost unknown for 4 answers");
	}

	@Test
	void aPricedPartIsShownBesideTheAnswersWhosePriceIsUnknown() {
		UsageTotal total = UsageTotal.of(report(new BigDecimal("0.0100"), new BigDecimal("0.0025"), 1));

		assertThat(total.reasoning()).isEqualTo("$0.0025");
		assertThat(total.reasoningPercent()).isEqualTo(25);
		assertThat(total.reasoningUnknown()).isEqualTo("Reasoning cost unknown for 1 answer");
	}

	@Test
	void answersThatDidNotReasonCostZeroForReasoning() {
		UsageTotal total = UsageTotal.of(report(new BigDecimal("0.0100"), BigDecimal.ZERO, 0));

		assertThat(total.reasoning()).isEqualTo("$0");
		assertThat(total.reasoningUnknown()).isNull();
	}

	private static UsageReport report(BigDecimal cost, BigDecimal reasoningCost, long unknown) {
		return new UsageReport(cost, reasoningCost, unknown, 100, 200, 150, 3, List.of(), List.of());
	}

}
