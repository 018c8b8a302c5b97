package dev.ponder.format;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyTest {

	@ParameterizedTest
	@CsvSource({ "0, $0", "15, $15", "15.000000000000002, $15", "7.5, $7.50", "1.25, $1.25", "0.4, $0.40",
			"0.0125, $0.013", "0.05, $0.05", "0.0021, $0.0021", "1234.5, '$1,234.50'", "0.99999, $1", "-1.5, -$1.50" })
	void dollarsAreToTheCentFromADollarUpAndTwoDigitsBelowWithCentsShownUnlessWhole(String amount, String words) {
		assertThat(Money.dollars(new BigDecimal(amount))).isEqualTo(words);
	}

	@ParameterizedTest
	@CsvSource({ "0, free", "0.00, free", "0.0021, $0.0021" })
	void aCostOfNothingIsFree(String amount, String words) {
		assertThat(Money.cost(new BigDecimal(amount))).isEqualTo(words);
	}

	@ParameterizedTest
	@CsvSource({ "1, $1", "0.5, $0.50", "0.0125, $0.0125", "2.50, $2.50" })
	void exactAmountsAreNotRounded(String amount, String words) {
		assertThat(Money.exact(new BigDecimal(amount))).isEqualTo(words);
	}

}
