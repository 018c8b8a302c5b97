package dev.ponder.limits;

import java.util.Locale;

/**
 * Which limit refused a send: the {@code kind} tag of
 * {@code ponder_limit_refusals_total}.
 */
enum LimitKind {

	DAILY, MONTHLY;

	String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
