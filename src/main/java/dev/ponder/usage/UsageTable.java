package dev.ponder.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import dev.ponder.format.Money;

/**
 * The by-model table of the usage page, with each row's share of the most expensive model
 * for its bar.
 */
public record UsageTable(List<Row> rows) {

	static UsageTable of(List<UsageReport.ModelRow> models) {
		BigDecimal top = models.stream().map(UsageReport.ModelRow::cost).reduce(BigDecimal.ZERO, BigDecimal::max);
		return new UsageTable(models.stream()
			.map((model) -> new Row(model, Money.dollars(model.cost()), share(model.cost(), top)))
			.toList());
	}

	private static int share(BigDecimal cost, BigDecimal top) {
		if (top.signum() == 0) {
			return 0;
		}
		return cost.multiply(BigDecimal.valueOf(100)).divide(top, 0, RoundingMode.HALF_UP).intValue();
	}

	/** One model, its cost worded, and its bar's width in percent. */
	public record Row(UsageReport.ModelRow model, String cost, int percent) {
	}

}
