package dev.ponder.chat;

import java.util.List;

/**
 * What the composer offers: the model field, the reasoning levels and the length limit.
 */
public record Composer(String model, String effort, List<Choice> efforts, int maxLength) {

	static final List<Choice> EFFORTS = List.of(new Choice("xhigh", "Extra high"), new Choice("high", "High"),
			new Choice("medium", "Medium"), new Choice("low", "Low"), new Choice("minimal", "Minimal"),
			new Choice("none", "Off"), new Choice(ReasoningOptions.HIDDEN, "Hidden"));

	/** One option of a select. */
	public record Choice(String value, String label) {
	}

}
