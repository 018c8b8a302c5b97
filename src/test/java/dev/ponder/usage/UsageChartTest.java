package dev.ponder.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The usage chart's axis reads in round, exact dollars, and its bars are as tall as the
 * days were expensive.
 */
class UsageChartTest {

	@Test
	void axisTopsAreRoundAndStepsExact() {
		assertThat(UsageChart.niceCeiling(new BigDecimal("0.75"))).isEqualByComparingTo("1");
		assertThat(UsageChart.niceCeiling(new BigDecimal("0.0311"))).isEqualByComparingTo("0.05");
		assertThat(UsageChart.niceCeiling(new BigDecimal("0.0021"))).isEqualByComparingTo("0.0025");
		assertThat(UsageChart.niceCeiling(new BigDecimal("12.5000000000"))).isEqualByComparingTo("20");

		assertThat(chart("0.0311").gridLines()).extracting(UsageChart.GridLine::label)
			.containsExactly("$0", "$0.01", "$0.02", "$0.03", "$0.04", "$0.05");
		assertThat(chart("0.75").gridLines()).extracting(UsageChart.GridLine::label)
			.containsExactly("$0", "$0.25", "$0.50", "$0.75", "$1");
	}

	@Test
	void barsAreAsTallAsTheDayWasExpensiveAndEmptyDaysHaveNone() {
		UsageChart chart = chart("0.5", "0", "1");

		assertThat(chart.bars()).extracting(UsageChart.Bar::height).containsExactly(50.0, 0.0, 100.0);
		assertThat(chart.bars().get(2).title()).endsWith(": $1, 1 answer");
		assertThat(chart.empty()).isFalse();
		assertThat(chart("0", "0").empty()).isTrue();
		assertThat(chart("0", "0").gridLines()).last().extracting(UsageChart.GridLine::label).isEqualTo("$1");
	}

	@Test
	void aMonthGetsAboutAWeekOfDateLabelsEndingToday() {
		String[] costs = IntStream.range(0, 30).mapToObj((i) -> "0.01").toArray(String[]::new);

		List<UsageChart.DateLabel> dates = chart(costs).dates();

		assertThat(dates).hasSizeBetween(5, 8);
		assertThat(dates.get(dates.size() - 1).text()).isEqualTo("Nov 30");
		assertThat(dates.get(dates.size() - 1).minor()).isFalse();
	}

	private static UsageChart chart(String... costs) {
		LocalDate first = LocalDate.of(2026, 11, 1);
		return UsageChart.of(IntStream.range(0, costs.length)
			.mapToObj((i) -> new UsageReport.DayRow(first.plusDays(i), new BigDecimal(costs[i]), BigDecimal.ZERO, 0, 0,
					0, 0, 1))
			.toList());
	}

}
