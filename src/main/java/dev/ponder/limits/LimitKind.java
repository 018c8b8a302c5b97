package dev.ponder.limits;

import java.util.Locale;

/**
 * Which limit refused a send, the {@code kind} tag of
 * {@code ponder_limit_refusals_total}: a daily or monthly spending limit, or a model the
 * person may not use.
 */
enum LimitKind {

	DAILY, MONTHLY, MODEL;

	String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The limit as a sentence names it: "daily", "monthly". */
	String adjective() {
		return (this == DAILY) ? "daily" : "monthly";
	}

	/** The period spent in, as a sentence says it: "today", "this month". */
	String period() {
		return (this == DAILY) ? "today" : "this month";
	}

}
