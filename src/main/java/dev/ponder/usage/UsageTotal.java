package dev.ponder.usage;

import dev.ponder.conversation.ReasoningWords;
import dev.ponder.format.Money;

/**
 * All-time spend as the usage page words it: the cost, the part of it that paid for
 * reasoning ({@code null} where it would be a guess: none priced, some unknown), that
 * part in percent of the cost, and for how many answers it is unknown ("Reasoning cost
 * unknown for 3 answers"; {@code null} when for none).
 */
public record UsageTotal(String cost, String reasoning, int reasoningPercent, String reasoningUnknown) {

	static UsageTotal of(UsageReport report) {
		// "≈ $0 of it reasoning" beside answers whose reasoning price is unknown would be
		// a
		// guess: the estimate is shown only when some reasoning was priced, or none is
		// unknown.
		boolean estimated = report.reasoningCost().signum() > 0 || report.reasoningCostUnknown() == 0;
		return new UsageTotal(Money.dollars(report.cost()), estimated ? Money.dollars(report.reasoningCost()) : null,
				UsageTable.share(report.reasoningCost(), report.cost()), (report.reasoningCostUnknown() > 0)
						? "Reasoning cost " + ReasoningWords.unknownFor(report.reasoningCostUnknown()) : null);
	}

}
