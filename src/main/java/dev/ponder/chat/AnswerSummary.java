package dev.ponder.chat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.ponder.conversation.MessageView;

/**
 * The short lines that describe an answer: "Thought for 12 s · 840 reasoning tokens"
 * above the reasoning, and the model, tokens and cost below the answer. The same words
 * live and on saved pages.
 */
final class AnswerSummary {

	private AnswerSummary() {
	}

	/**
	 * The thinking panel's folded summary, or {@code null} when the answer had no
	 * reasoning.
	 */
	static String thinking(MessageView message) {
		boolean hasReasoning = message.reasoning() != null && !message.reasoning().isEmpty();
		Integer reasoningTokens = (message.usage() != null) ? message.usage().reasoningTokens() : null;
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

	/** Model, tokens and cost, or {@code null} for a person's message. */
	static String meta(MessageView message) {
		if (!message.isAssistant()) {
			return null;
		}
		List<String> parts = new ArrayList<>();
		if (message.model() != null) {
			parts.add(message.model());
		}
		if (message.usage() != null && message.usage().completionTokens() != null) {
			int prompt = (message.usage().promptTokens() != null) ? message.usage().promptTokens() : 0;
			parts.add(count(prompt + message.usage().completionTokens()) + " tokens");
		}
		if (message.usage() != null && message.usage().cost() != null) {
			parts.add(cost(message.usage().cost()));
		}
		if (message.totalMillis() != null) {
			parts.add(duration(message.totalMillis()));
		}
		return parts.isEmpty() ? null : String.join(" · ", parts);
	}

	static String duration(long millis) {
		if (millis < 1000) {
			return "<1 s";
		}
		long seconds = Math.round(millis / 1000.0);
		return (seconds < 60) ? seconds + " s" : (seconds / 60) + " min " + (seconds % 60) + " s";
	}

	private static String count(int tokens) {
		return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(tokens);
	}

	/** Four significant decimals are enough to tell a tenth of a cent from a dollar. */
	private static String cost(BigDecimal dollars) {
		if (dollars.signum() == 0) {
			return "free";
		}
		BigDecimal shown = (dollars.compareTo(BigDecimal.ONE) >= 0) ? dollars.setScale(2, RoundingMode.HALF_UP)
				: dollars.round(new java.math.MathContext(2, RoundingMode.HALF_UP));
		return "$" + shown.stripTrailingZeros().toPlainString();
	}

}
