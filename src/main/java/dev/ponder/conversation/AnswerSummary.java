package dev.ponder.conversation;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Locale;

import dev.ponder.format.Durations;
import dev.ponder.format.Money;

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
		parts.add((message.thinkingMillis() != null) ? "Thought for " + Durations.words(message.thinkingMillis())
				: "Thought");
		if (reasoningTokens != null && reasoningTokens > 0) {
			parts.add(count(reasoningTokens) + " reasoning tokens");
		}
		if (!hasReasoning) {
			parts.add("reasoning hidden");
		}
		return String.join(" · ", parts);
	}

	/**
	 * Model, provider, the sampling parameters that differ from the server's defaults,
	 * tokens (prompt / completion / reasoning), cost, thinking time and total time;
	 * {@code null} for a person's message.
	 */
	public static String meta(MessageView message) {
		return meta(message, false);
	}

	/**
	 * The same line, with {@code withSetting} also how hard the model was asked to think,
	 * right after it ("reasoning high"): for a reader with no composer to see that in.
	 * Hidden reasoning is left to the thinking summary, which says so.
	 */
	public static String meta(MessageView message, boolean withSetting) {
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
		if (withSetting && message.reasoningAsked() != null && !message.reasoningAsked().hidden()) {
			parts.add(message.reasoningAsked().words());
		}
		if (message.provider() != null) {
			parts.add(message.provider());
		}
		if (message.relay() != null) {
			parts.add("thinking by " + message.relay().thinkerModel());
		}
		if (message.carriedReasoning()) {
			parts.add("saw its earlier reasoning");
		}
		if (message.parameters() != null) {
			parts.addAll(parameters(message.parameters()));
		}
		TokenUsage usage = message.usage();
		if (usage != null && usage.completionTokens() != null) {
			parts.add(count(orZero(usage.promptTokens())) + " / " + count(usage.completionTokens()) + " / "
					+ count(orZero(usage.reasoningTokens())) + " tokens");
		}
		String cost = cost(message);
		if (cost != null) {
			parts.add(cost);
		}
		if (message.thinkingMillis() != null) {
			parts.add("thought " + Durations.words(message.thinkingMillis()));
		}
		if (message.totalMillis() != null) {
			parts.add(Durations.words(message.totalMillis()));
		}
		return parts.isEmpty() ? null : String.join(" · ", parts);
	}

	/**
	 * The meta line's cost, with the share of it that paid for reasoning: "$0.015 (≈
	 * $0.011 reasoning)", "$0.015 (reasoning cost unknown)" where the model's price is
	 * not known, "free"; {@code null} where the upstream reported no cost. All the money
	 * of the line is here, so that a page hiding costs leaves out just this part.
	 */
	public static String cost(MessageView message) {
		TokenUsage usage = message.usage();
		if (usage == null || usage.cost() == null) {
			return null;
		}
		return Money.cost(usage.cost())
				+ reasoningShare(usage.cost(), message.reasoningCost(), message.reasoningCostUnknown() ? 1 : 0);
	}

	/**
	 * " (≈ $0.011 reasoning)" after a cost that paid for reasoning, with how many
	 * answers' reasoning cost is unknown ("; unknown for 2 answers"); nothing for a free
	 * or reasoning-less cost.
	 */
	private static String reasoningShare(BigDecimal cost, BigDecimal reasoningCost, int unknown) {
		boolean paid = reasoningCost != null && reasoningCost.signum() > 0;
		if (cost.signum() == 0 || (!paid && unknown == 0)) {
			return "";
		}
		if (!paid) {
			return " (reasoning cost unknown)";
		}
		String share = "≈ " + Money.dollars(reasoningCost) + " reasoning";
		if (unknown > 0) {
			share += "; " + ReasoningWords.unknownFor(unknown);
		}
		return " (" + share + ")";
	}

	/**
	 * The parameters set, as "temperature 0.2", "top_p 0.9", "max 500 tokens", "seed 7";
	 * none for the server's defaults.
	 */
	public static List<String> parameters(AnswerParameters parameters) {
		List<String> parts = new ArrayList<>();
		if (parameters.temperature() != null) {
			parts.add("temperature " + plain(parameters.temperature()));
		}
		if (parameters.topP() != null) {
			parts.add("top_p " + plain(parameters.topP()));
		}
		if (parameters.maxTokens() != null) {
			parts.add("max " + count(parameters.maxTokens()) + " tokens");
		}
		if (parameters.seed() != null) {
			parts.add("seed " + parameters.seed());
		}
		if (parameters.stop() != null) {
			parts.add("stop at "
					+ parameters.stop().stream().map(AnswerSummary::quoted).collect(Collectors.joining(", ")));
		}
		return parts;
	}

	/**
	 * A stop sequence as it would be written in code: "\n\n" rather than two line breaks.
	 */
	private static String quoted(String text) {
		return '"' + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\"", "\\\"") + '"';
	}

	/** 0.2 as "0.2" and 1.0 as "1", never "1.0E-4". */
	private static String plain(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	/**
	 * A conversation's tokens and cost, with the share of it that paid for reasoning, or
	 * {@code null} before anything was spent.
	 */
	public static String totals(ConversationTotals totals) {
		int tokens = orZero(totals.promptTokens()) + orZero(totals.completionTokens());
		if (tokens == 0 && totals.cost() == null) {
			return null;
		}
		String line = count(tokens) + " tokens";
		return (totals.cost() != null) ? line + " · " + Money.cost(totals.cost())
				+ reasoningShare(totals.cost(), totals.reasoningCost(), totals.reasoningCostUnknown()) : line;
	}

	private static int orZero(Integer value) {
		return (value != null) ? value : 0;
	}

	/** A count with its thousands separated: "1,234". */
	static String count(long value) {
		return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(value);
	}

}
