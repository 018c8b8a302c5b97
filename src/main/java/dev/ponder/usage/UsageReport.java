package dev.ponder.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the answers cost and used, as {@code GET /api/usage} and the usage page show it:
 * all-time totals, by model, and day by day over a period (every day, used or not).
 *
 * @param cost US dollars, as the upstreams reported
 * @param reasoningCost of which reasoning, estimated from the reasoning tokens at the
 * model's completion price when each answer ended; the answers whose price is unknown add
 * nothing
 * @param reasoningCostUnknown how many answers reasoned at a price nobody knows
 * @param promptTokens tokens sent
 * @param completionTokens tokens received, reasoning included
 * @param reasoningTokens of which reasoning
 * @param answers how many answers finished
 * @param byModel per model, the most expensive first
 * @param byDay per day of the period, oldest first
 */
public record UsageReport(BigDecimal cost, BigDecimal reasoningCost, long reasoningCostUnknown, long promptTokens,
		long completionTokens, long reasoningTokens, long answers, List<ModelRow> byModel, List<DayRow> byDay) {

	/**
	 * One model on one endpoint, all time; a relayed answer counts under the model that
	 * answered, its thinker's reasoning cost included.
	 */
	public record ModelRow(String endpoint, String model, BigDecimal cost, BigDecimal reasoningCost,
			long reasoningCostUnknown, long promptTokens, long completionTokens, long reasoningTokens, long answers) {
	}

	/** One day of the period. */
	public record DayRow(LocalDate day, BigDecimal cost, BigDecimal reasoningCost, long reasoningCostUnknown,
			long promptTokens, long completionTokens, long reasoningTokens, long answers) {
	}

}
