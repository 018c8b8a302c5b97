package dev.ponder.usage;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Controller;

import dev.ponder.limits.PersonSpending;
import dev.ponder.limits.SpendingService;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.ponder.format.Money;

/**
 * The usage page: totals, a chart of cost per day, and a table by model. Drawn on the
 * server, so it needs no script. Days are the person's, in the zone their browser named.
 */
@Controller
class UsagePageController {

	/** The periods the page offers, in days. */
	static final List<Integer> PERIODS = List.of(7, 30, 90, 365);

	private final UsageService usage;

	private final SpendingService spending;

	UsagePageController(UsageService usage, SpendingService spending) {
		this.usage = usage;
		this.spending = spending;
	}

	@GetMapping("/usage")
	String usage(@RequestParam(defaultValue = "30") int days, ZoneId zone, Model model) {
		int period = PERIODS.contains(days) ? days : 30;
		UsageReport report = this.usage.report(period, zone);
		model.addAttribute("section", "usage");
		model.addAttribute("report", report);
		model.addAttribute("chart", UsageChart.of(report.byDay()));
		model.addAttribute("models", UsageTable.of(report.byModel()));
		model.addAttribute("days", DayTable.of(report.byDay()));

		model.addAttribute("period", period);
		model.addAttribute("periods", PERIODS);
		model.addAttribute("total", UsageTotal.of(report));
		model.addAttribute("periodCost", Money
			.dollars(report.byDay().stream().map(UsageReport.DayRow::cost).reduce(BigDecimal.ZERO, BigDecimal::add)));
		PersonSpending limits = this.spending.mine();
		if (limits.dailyLimit() != null || limits.monthlyLimit() != null) {
			model.addAttribute("limits", limits);
		}
		return "usage/page";
	}

}
