package dev.ponder.format;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ponder.testing.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's format.js words money, durations and file sizes exactly as the server does,
 * so that a line built in the browser reads like one the server built.
 */
class FormatAgreementBrowserTest extends BrowserTestSupport {

	private static final List<String> AMOUNTS = List.of("0", "15", "7.5", "1.25", "0.4", "0.0125", "0.05", "0.0021",
			"0.002", "1234.5", "12.5", "0.075", "0.99999", "0.000001", "-1.5");

	// Integers: Playwright passes no Long to the page.
	private static final List<Integer> DURATIONS = List.of(0, 400, 999, 1000, 1499, 59_400, 59_600, 60_000, 65_000,
			125_000, 3_600_000);

	private static final List<Integer> SIZES = List.of(0, 1, 900, 1023, 1024, 1536, 840_192, 1_048_575, 1_048_576,
			20 * 1024 * 1024, 26_529_000, 1_073_741_824);

	@Test
	void thePageWordsMoneyAsTheServerDoes() {
		this.page.navigate("/");

		List<?> dollars = (List<?>) this.page.evaluate(
				"async (amounts) => { const f = await import('/js/format.js'); return amounts.map((a) => f.dollars(a)); }",
				AMOUNTS);
		List<?> costs = (List<?>) this.page.evaluate(
				"async (amounts) => { const f = await import('/js/format.js'); return amounts.map((a) => f.cost(a)); }",
				AMOUNTS);

		assertThat(dollars).isEqualTo(AMOUNTS.stream().map((a) -> Money.dollars(new BigDecimal(a))).toList());
		assertThat(costs).isEqualTo(AMOUNTS.stream().map((a) -> Money.cost(new BigDecimal(a))).toList());
	}

	@Test
	void thePageWordsDurationsAsTheServerDoes() {
		this.page.navigate("/");

		List<?> words = (List<?>) this.page.evaluate(
				"async (durations) => { const f = await import('/js/format.js'); return durations.map((d) => f.duration(d)); }",
				DURATIONS);

		assertThat(words).isEqualTo(DURATIONS.stream().map(Durations::words).toList());
	}

	@Test
	void thePageWordsFileSizesAsTheServerDoes() {
		this.page.navigate("/");

		List<?> words = (List<?>) this.page.evaluate(
				"async (sizes) => { const f = await import('/js/format.js'); return sizes.map((s) => f.bytes(s)); }",
				SIZES);

		assertThat(words).isEqualTo(SIZES.stream().map(Sizes::inWords).toList());
	}

}
