package dev.ponder.conversation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A heading of the sidebar and the conversations under it: Pinned, Today, Yesterday,
 * Previous 7 days, then one per month.
 */
public record SidebarGroup(String label, List<ConversationSummary> conversations) {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

	/** Groups conversations, already in sidebar order, by when they were last active. */
	public static List<SidebarGroup> of(List<ConversationSummary> conversations, Instant now, ZoneId zone) {
		LocalDate today = now.atZone(zone).toLocalDate();
		Map<String, List<ConversationSummary>> groups = new LinkedHashMap<>();
		for (ConversationSummary conversation : conversations) {
			String label = conversation.pinned() ? "Pinned"
					: label(conversation.updatedAt().atZone(zone).toLocalDate(), today);
			groups.computeIfAbsent(label, (key) -> new ArrayList<>()).add(conversation);
		}
		return groups.entrySet().stream().map((entry) -> new SidebarGroup(entry.getKey(), entry.getValue())).toList();
	}

	private static String label(LocalDate day, LocalDate today) {
		if (!day.isBefore(today)) {
			return "Today";
		}
		if (day.equals(today.minusDays(1))) {
			return "Yesterday";
		}
		if (day.isAfter(today.minusDays(8))) {
			return "Previous 7 days";
		}
		return MONTH.format(day);
	}

}
