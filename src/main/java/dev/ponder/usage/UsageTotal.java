package dev.ponder.usage;

import dev.ponder.format.Money;

/**
 * All-time spend as the usage page words it: the cost, the part of it that paid for
 * reasoning, and that part in percent of the cost.
 */
public record UsageTotal(String cost, String reasoning, int reasoningPercent) {

	static UsageTotal of(UsageReport report) {
		return new UsageTotal(Money.dollars(report.cost()), Money.dollars(report.reasoningCost()),
				UsageTable.share(report.reasoningCost(), report.cost()));
	}

}
