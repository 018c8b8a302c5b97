package dev.ponder.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import dev.ponder.conversation.ReasoningWords;
import dev.ponder.format.Money;

/**
 * The by-model table of the usage page, with each row's share of the most expensive model
 * for its bar, and the part of that bar that paid for reasoning.
 */
public record UsageTable(List<Row> rows) {

	static UsageTable of(List<UsageReport.ModelRow> models) {
		BigDecimal top = models.stream().map(UsageReport.ModelRow::cost).reduce(BigDecimal.ZERO, BigDecimal::max);
		return new UsageTable(models.stream()
			.map((model) -> new Row(model, Money.dollars(model.cost()), share(model.cost(), top),
					ReasoningWords.of(model.reasoningCost(), model.reasoningCostUnknown()),
					share(model.reasoningCost().min(model.cost()), model.cost())))
			.toList());
	}

	static int share(BigDecimal part, BigDecimal whole) {
		if (whole.signum() == 0) {
			return 0;
		}
		return part.multiply(BigDecimal.valueOf(100)).divide(whole, 0, RoundingMode.HALF_UP).intValue();
	}

	/**
	 * One model, its cost and reasoning cost worded, its bar's width in percent, and how
	 * much of the bar (in percent of it) reasoning paid for.
	 */
	public record Row(UsageReport.ModelRow model, String cost, int percent, String reasoning, int reasoningPercent) {
	}

}
