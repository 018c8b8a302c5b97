package dev.ponder.conversation;

import java.math.BigDecimal;

import dev.ponder.format.Money;

/**
 * What reasoning cost, worded the one way every page says it: an estimate ("≈ $0.011"),
 * and the answers whose reasoning cost is unknown said so rather than guessed ("unknown
 * for 1,234 answers").
 */
public final class ReasoningWords {

	private ReasoningWords() {
	}

	/** "≈ $0.011", "≈ $0.011, unknown for 3 answers", or "unknown for 3 answers". */
	public static String of(BigDecimal reasoningCost, long unknown) {
		String estimate = "≈ " + Money.dollars(reasoningCost);
		if (unknown == 0) {
			return estimate;
		}
		return (reasoningCost.signum() == 0) ? unknownFor(unknown) : estimate + ", " + unknownFor(unknown);
	}

	/** "unknown for 1 answer", "unknown for 1,234 answers". */
	public static String unknownFor(long answers) {
		return "unknown for " + AnswerSummary.count(answers) + ((answers == 1) ? " answer" : " answers");
	}

}
