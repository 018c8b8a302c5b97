package dev.ponder.usage;

import dev.ponder.conversation.ReasoningWords;
import dev.ponder.format.Money;

/**
 * All-time spend as the usage page words it: the cost, the part of it that paid for
 * reasoning, that part in percent of the cost, and for how many answers it is unknown
 * ("Reasoning cost unknown for 3 answers"; {@code null} when for none).
 */
public record UsageTotal(String cost, String reasoning, int reasoningPercent, String reasoningUnknown) {

	static UsageTotal of(UsageReport report) {
		return new UsageTotal(Money.dollars(report.cost()), Money.dollars(report.reasoningCost()),
				UsageTable.share(report.reasoningCost(), report.cost()), (report.reasoningCostUnknown() > 0)
						? "Reasoning cost " + ReasoningWords.unknownFor(report.reasoningCostUnknown()) : null);
	}

}
