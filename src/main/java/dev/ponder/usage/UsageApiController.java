package dev.ponder.usage;

import java.time.DateTimeException;
import java.time.ZoneId;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.ponder.problem.ErrorCode;
import dev.ponder.problem.ProblemException;

/**
 * {@code GET /api/usage}: what the answers cost, all time by model, and day by day.
 */
@RestController
class UsageApiController {

	private final UsageService usage;

	UsageApiController(UsageService usage) {
		this.usage = usage;
	}

	/**
	 * @param days how many days, up to today, {@code byDay} covers
	 * @param zone the time zone days are counted in, e.g. {@code Europe/Paris}; when
	 * absent, the person's (the zone their browser named, else the server's)
	 * @param personZone the person's time zone
	 */
	@GetMapping("/api/usage")
	UsageReport usage(
			@RequestParam(defaultValue = "30") @Min(value = 1, message = "days must be at least 1.") @Max(
					value = UsageService.MAX_DAYS, message = "days must be at most 366.") int days,
			@RequestParam(required = false) String zone, ZoneId personZone) {
		return this.usage.report(days, (zone == null || zone.isBlank()) ? personZone : zone(zone));
	}

	private static ZoneId zone(String zone) {
		try {
			return ZoneId.of(zone.strip());
		}
		catch (DateTimeException ex) {
			throw new ProblemException(ErrorCode.INVALID_REQUEST,
					"'" + zone + "' is not a time zone; use a name such as Europe/Paris or UTC.");
		}
	}

}
