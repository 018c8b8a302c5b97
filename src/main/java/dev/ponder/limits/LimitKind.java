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

}
