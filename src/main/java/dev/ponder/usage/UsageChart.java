package dev.ponder.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.ponder.conversation.ReasoningWords;
import dev.ponder.format.Money;

/**
 * The cost-per-day bar chart of the usage page, laid out in percent of the plot for the
 * template to draw: bars in an SVG stretched over the plot (each with the part that paid
 * for reasoning stacked at its foot), grid lines with their dollar labels, and a date
 * under some of the bars. Labels are HTML beside the SVG, so they keep their size however
 * wide the chart is drawn.
 *
 * @param bars one per day, oldest first
 * @param gridLines from the bottom up
 * @param dates the labels under the bars
 * @param empty whether no day of the period cost anything
 */
public record UsageChart(List<Bar> bars, List<GridLine> gridLines, List<DateLabel> dates, boolean empty) {

	private static final int MAX_DATE_LABELS = 7;

	/**
	 * The axis of a period that cost nothing: a dollar, so the grid still reads sensibly.
	 */
	private static final BigDecimal EMPTY_TOP = BigDecimal.ONE;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

	private static final DateTimeFormatter FULL_DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

	static UsageChart of(List<UsageReport.DayRow> days) {
		BigDecimal max = days.stream().map(UsageReport.DayRow::cost).reduce(BigDecimal.ZERO, BigDecimal::max);
		BigDecimal top = (max.signum() > 0) ? niceCeiling(max) : EMPTY_TOP;
		double slot = 100.0 / Math.max(1, days.size());
		double barWidth = slot * 0.68;
		List<Bar> bars = new ArrayList<>();
		List<DateLabel> dates = new ArrayList<>();
		int every = (int) Math.ceil(days.size() / (double) MAX_DATE_LABELS);
		for (int i = 0; i < days.size(); i++) {
			UsageReport.DayRow day = days.get(i);
			double height = day.cost().doubleValue() / top.doubleValue() * 100;
			double shown = (day.cost().signum() > 0) ? Math.max(height, 0.8) : 0;
			double reasoning = Math.min(shown, day.reasoningCost().doubleValue() / top.doubleValue() * 100);
			bars.add(new Bar(round(i * slot + (slot - barWidth) / 2), round(100 - shown), round(barWidth), round(shown),
					round(100 - reasoning), round(reasoning), title(day)));
			int fromEnd = days.size() - 1 - i;
			if (fromEnd % every == 0) {
				dates.add(new DateLabel(round(i * slot + slot / 2), DAY.format(day.day()), (fromEnd / every) % 2 == 1));
			}
		}
		int steps = steps(top);
		List<GridLine> grid = new ArrayList<>();
		for (int i = 0; i <= steps; i++) {
			BigDecimal value = top.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(steps));
			grid.add(new GridLine(round(100.0 - 100.0 * i / steps), Money.exact(value)));
		}
		return new UsageChart(bars, grid, dates, max.signum() == 0);
	}

	/** "Tue 24 Nov 2026: $0.12, 4 answers, reasoning ≈ $0.09". */
	private static String title(UsageReport.DayRow day) {
		String title = FULL_DAY.format(day.day()) + ": " + Money.dollars(day.cost()) + ", " + day.answers()
				+ ((day.answers() == 1) ? " answer" : " answers");
		boolean reasoned = day.reasoningCost().signum() > 0 || day.reasoningCostUnknown() > 0;
		return reasoned ? title + ", reasoning " + ReasoningWords.of(day.reasoningCost(), day.reasoningCostUnknown())
				: title;
	}

	/** Round steps: a top of 1 or 2 in quarters, of 2.5 or 5 in fifths. */
	private static int steps(BigDecimal top) {
		BigDecimal leading = top.movePointLeft(top.precision() - top.scale() - 1).stripTrailingZeros();
		return (leading.compareTo(new BigDecimal("2.5")) == 0 || leading.compareTo(BigDecimal.valueOf(5)) == 0) ? 5 : 4;
	}

	/**
	 * A round top for the axis: 1, 2, 2.5 or 5 times a power of ten, at or above the
	 * largest day.
	 */
	static BigDecimal niceCeiling(BigDecimal max) {
		BigDecimal power = BigDecimal.ONE.movePointRight(max.precision() - max.scale() - 1);
		for (BigDecimal step : List.of(BigDecimal.ONE, BigDecimal.valueOf(2), new BigDecimal("2.5"),
				BigDecimal.valueOf(5), BigDecimal.TEN)) {
			BigDecimal candidate = power.multiply(step);
			if (candidate.compareTo(max) >= 0) {
				return candidate.stripTrailingZeros();
			}
		}
		return power.multiply(BigDecimal.TEN);
	}

	private static double round(double value) {
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
	}

	/**
	 * One day's bar, in percent of the plot, its reasoning part from {@code reasoningY}
	 * down, and what a pointer over it says.
	 */
	public record Bar(double x, double y, double width, double height, double reasoningY, double reasoningHeight,
			String title) {
	}

	/** A horizontal line at {@code y} percent from the top, labelled in dollars. */
	public record GridLine(double y, String label) {
	}

	/**
	 * A date under the bars, centred on {@code x} percent; every other one is minor, left
	 * out where the chart is narrow.
	 */
	public record DateLabel(double x, String text, boolean minor) {
	}

}
