package dev.ponder.usage;

import java.math.BigDecimal;

import dev.ponder.format.Money;

/**
 * What reasoning cost, worded for the usage page: an estimate ("≈ $0.011"), and the
 * answers whose price is unknown said so rather than guessed ("unknown for 3 answers").
 */
final class ReasoningWords {

	private ReasoningWords() {
	}

	static String of(BigDecimal reasoningCost, long unknown) {
		String estimate = "≈ " + Money.dollars(reasoningCost);
		if (unknown == 0) {
			return estimate;
		}
		String unknownFor = "unknown for " + unknown + ((unknown == 1) ? " answer" : " answers");
		return (reasoningCost.signum() == 0) ? unknownFor : estimate + ", " + unknownFor;
	}

}
