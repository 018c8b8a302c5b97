package dev.ponder.usage;

import java.util.List;

import dev.ponder.conversation.ReasoningWords;

/** The table under the usage chart: the days of the period that had answers. */
public record DayTable(List<Row> rows) {

	static DayTable of(List<UsageReport.DayRow> days) {
		return new DayTable(days.stream()
			.filter((day) -> day.answers() > 0)
			.map((day) -> new Row(day, ReasoningWords.of(day.reasoningCost(), day.reasoningCostUnknown())))
			.toList());
	}

	/** One day, and what its reasoning cost, worded. */
	public record Row(UsageReport.DayRow day, String reasoning) {
	}

}
