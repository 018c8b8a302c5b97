package dev.ponder.conversation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The short lines that describe answers: "Thought for 12 s · 840 reasoning tokens" above
 * the reasoning, the model, provider, tokens, cost and times below the answer, and a
 * conversation's totals. The same words live, on saved pages and in exports.
 */
public final class AnswerSummary {

	private AnswerSummary() {
	}

	/**
	 * The thinking panel's folded summary, or {@code null} when the answer had no
	 * reasoning.
	 */
	public static String thinking(MessageView message) {
		boolean hasReasoning = message.reasoning() != null && !message.reasoning().isEmpty();
		// A relayed answer's reasoning is its thinker's, and so are the tokens it took.
		TokenUsage thinking = (message.relay() != null && message.relay().thinkerUsage() != null)
				? message.relay().thinkerUsage() : message.usage();
		Integer reasoningTokens = (thinking != null) ? thinking.reasoningTokens() : null;
		if (!hasReasoning && (reasoningTokens == null || reasoningTokens == 0)) {
			return null;
		}
		List<String> parts = new ArrayList<>();
		parts.add((message.thinkingMillis() != null) ? "Thought for " + duration(message.thinkingMillis()) : "Thought");
		if (reasoningTokens != null && reasoningTokens > 0) {
			parts.add(count(reasoningTokens) + " reasoning tokens");
		}
		if (!hasReasoning) {
			parts.add("reasoning hidden");
		}
		return String.join(" · ", parts);
	}

	/**
	 * Model, provider, tokens (prompt / completion / reasoning), cost, thinking time and
	 * total time; {@code null} for a person's message.
	 */
	public static String meta(MessageView message) {
		if (!message.isAssistant()) {
			return null;
		}
		List<String> parts = new ArrayList<>();
		if (message.endpoint() != null && !Message.DEFAULT_ENDPOINT.equals(message.endpoint())) {
			parts.add(message.endpoint());
		}
		if (message.model() != null) {
			parts.add(message.model());
		}
		if (message.provider() != null) {
			parts.add(message.provider());
		}
		if (message.relay() != null) {
			parts.add("thinking by " + message.relay().thinkerModel());
		}
		TokenUsage usage = message.usage();
		if (usage != null && usage.completionTokens() != null) {
			parts.add(count(orZero(usage.promptTokens())) + " / " + count(usage.completionTokens()) + " / "
					+ count(orZero(usage.reasoningTokens())) + " tokens");
		}
		if (usage != null && usage.cost() != null) {
			parts.add(cost(usage.cost()));
		}
		if (message.thinkingMillis() != null) {
			parts.add("thought " + duration(message.thinkingMillis()));
		}
		if (message.totalMillis() != null) {
			parts.add(duration(message.totalMillis()));
		}
		return parts.isEmpty() ? null : String.join(" · ", parts);
	}

	/** A conversation's tokens and cost, or {@code null} before anything was spent. */
	public static String totals(TokenUsage totals) {
		int tokens = orZero(totals.promptTokens()) + orZero(totals.completionTokens());
		if (tokens == 0 && totals.cost() == null) {
			return null;
		}
		String line = count(tokens) + " tokens";
		return (totals.cost() != null) ? line + " · " + cost(totals.cost()) : line;
	}

	static String duration(long millis) {
		if (millis < 1000) {
			return "<1 s";
		}
		long seconds = Math.round(millis / 1000.0);
		return (seconds < 60) ? seconds + " s" : (seconds / 60) + " min " + (seconds % 60) + " s";
	}

	private static int orZero(Integer value) {
		return (value != null) ? value : 0;
	}

	private static String count(int tokens) {
		return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(tokens);
	}

	/** Two significant digits are enough to tell a tenth of a cent from a dollar. */
	private static String cost(BigDecimal dollars) {
		if (dollars.signum() == 0) {
			return "free";
		}
		BigDecimal shown = (dollars.compareTo(BigDecimal.ONE) >= 0) ? dollars.setScale(2, RoundingMode.HALF_UP)
				: dollars.round(new MathContext(2, RoundingMode.HALF_UP));
		return "$" + shown.stripTrailingZeros().toPlainString();
	}

}
