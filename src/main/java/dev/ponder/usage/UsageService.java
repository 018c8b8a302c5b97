package dev.ponder.usage;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import dev.ponder.conversation.AnswerUsage;
import dev.ponder.conversation.ModelUsage;
import dev.ponder.conversation.ReasoningCost;
import dev.ponder.conversation.UsageStatistics;

/**
 * Puts the stored answers' usage together: totals and models all time, days over a period
 * counted in a time zone.
 */
@Service
class UsageService {

	/** The longest period shown day by day. */
	static final int MAX_DAYS = 366;

	private final UsageStatistics statistics;

	private final Clock clock;

	UsageService(UsageStatistics statistics, Clock clock) {
		this.statistics = statistics;
		this.clock = clock;
	}

	UsageReport report(int days, ZoneId zone) {
		List<UsageReport.ModelRow> byModel = this.statistics.byModel().stream().map(UsageService::row).toList();
		return new UsageReport(
				byModel.stream().map(UsageReport.ModelRow::cost).reduce(BigDecimal.ZERO, BigDecimal::add),
				ReasoningCost.shown(byModel.stream()
					.map(UsageReport.ModelRow::reasoningCost)
					.reduce(BigDecimal.ZERO, BigDecimal::add)),
				byModel.stream().mapToLong(UsageReport.ModelRow::reasoningCostUnknown).sum(),
				byModel.stream().mapToLong(UsageReport.ModelRow::promptTokens).sum(),
				byModel.stream().mapToLong(UsageReport.ModelRow::completionTokens).sum(),
				byModel.stream().mapToLong(UsageReport.ModelRow::reasoningTokens).sum(),
				byModel.stream().mapToLong(UsageReport.ModelRow::answers).sum(), byModel, byDay(days, zone));
	}

	private List<UsageReport.DayRow> byDay(int days, ZoneId zone) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), zone);
		LocalDate first = today.minusDays(days - 1L);
		Map<LocalDate, Day> buckets = new LinkedHashMap<>();
		for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
			buckets.put(day, new Day());
		}
		for (AnswerUsage answer : this.statistics.answersSince(first.atStartOfDay(zone).toInstant())) {
			Day bucket = buckets.get(LocalDate.ofInstant(answer.createdAt(), zone));
			if (bucket != null) {
				bucket.add(answer);
			}
		}
		return buckets.entrySet().stream().map((entry) -> entry.getValue().row(entry.getKey())).toList();
	}

	private static UsageReport.ModelRow row(ModelUsage usage) {
		return new UsageReport.ModelRow(usage.endpoint(), usage.model(), orZero(usage.cost()),
				ReasoningCost.shown(orZero(usage.reasoningCost())), orZero(usage.reasoningCostUnknown()),
				orZero(usage.promptTokens()), orZero(usage.completionTokens()), orZero(usage.reasoningTokens()),
				orZero(usage.answers()));
	}

	private static BigDecimal orZero(BigDecimal amount) {
		return (amount != null) ? amount : BigDecimal.ZERO;
	}

	private static long orZero(Number value) {
		return (value != null) ? value.longValue() : 0;
	}

	/** One day's sums, while they are added up. */
	private static final class Day {

		private BigDecimal cost = BigDecimal.ZERO;

		private BigDecimal reasoningCost = BigDecimal.ZERO;

		private long reasoningCostUnknown;

		private long promptTokens;

		private long completionTokens;

		private long reasoningTokens;

		private long answers;

		void add(AnswerUsage answer) {
			this.cost = this.cost.add(orZero(answer.cost()));
			if (answer.isReasoningCostUnknown()) {
				this.reasoningCostUnknown++;
			}
			else {
				this.reasoningCost = this.reasoningCost.add(answer.reasoningCost());
			}
			this.promptTokens += orZero(answer.promptTokens());
			this.completionTokens += orZero(answer.completionTokens());
			this.reasoningTokens += orZero(answer.reasoningTokens());
			this.answers++;
		}

		UsageReport.DayRow row(LocalDate day) {
			return new UsageReport.DayRow(day, this.cost, ReasoningCost.shown(this.reasoningCost),
					this.reasoningCostUnknown, this.promptTokens, this.completionTokens, this.reasoningTokens,
					this.answers);
		}

	}

}
