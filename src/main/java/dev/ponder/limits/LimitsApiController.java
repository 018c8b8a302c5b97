package dev.ponder.limits;

import java.math.BigDecimal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One's own spending limits and what is left of them: the top bar's chip asks after each
 * answer.
 */
@RestController
class LimitsApiController {

	private final SpendingService spending;

	LimitsApiController(SpendingService spending) {
		this.spending = spending;
	}

	@GetMapping("/api/limits")
	LimitsView limits() {
		return LimitsView.of(this.spending.mine());
	}

	/**
	 * @param left what is left under the tighter limit, {@code null} without limits
	 * @param leftPer {@code day} or {@code month}: which limit is the tighter
	 * @param held what answers still being written may cost at most
	 */
	record LimitsView(BigDecimal dailyLimit, BigDecimal monthlyLimit, BigDecimal spentToday, BigDecimal spentThisMonth,
			BigDecimal held, BigDecimal left, String leftPer) {

		static LimitsView of(PersonSpending spending) {
			return new LimitsView(spending.dailyLimit(), spending.monthlyLimit(), spending.spentToday(),
					spending.spentThisMonth(), spending.held(), spending.left(), spending.leftPer());
		}

	}

}
