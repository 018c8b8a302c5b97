package dev.ponder.limits;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the chip says is left: the tighter limit, never below nothing. */
class PersonSpendingTest {

	@Test
	void theTighterLimitIsWhatIsLeft() {
		PersonSpending spending = new PersonSpending(new BigDecimal("5"), new BigDecimal("20"), new BigDecimal("1"),
				new BigDecimal("19"), new BigDecimal("0.5"), null);

		assertThat(spending.left()).isEqualByComparingTo("0.5");
		assertThat(spending.leftPer()).isEqualTo("month");
	}

	@Test
	void overALimitNothingIsLeftAndWithoutLimitsThereIsNoChip() {
		assertThat(new PersonSpending(new BigDecimal("0.5"), null, new BigDecimal("0.75"), new BigDecimal("0.75"),
				BigDecimal.ZERO, null)
			.left()).isEqualByComparingTo("0");
		PersonSpending none = new PersonSpending(null, null, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, null);
		assertThat(none.left()).isNull();
		assertThat(none.leftPer()).isNull();
	}

}
