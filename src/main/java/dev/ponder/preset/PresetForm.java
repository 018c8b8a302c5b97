package dev.ponder.preset;

import java.io.Serializable;

import dev.ponder.conversation.AnswerParameters;
import dev.ponder.problem.ErrorCode;
import dev.ponder.problem.ProblemException;

/**
 * A preset's form on the presets page, as the browser posts it: every field, as text.
 * Serializable because a refused form goes back to its card after a redirect, in the
 * session.
 *
 * @param name the name
 * @param endpoint the endpoint; empty for the default
 * @param model the model id; empty for the default
 * @param reasoning an effort level, {@code hidden}, {@code budget}, or empty for the
 * default
 * @param budget the reasoning budget in tokens, for {@code budget}
 * @param systemPrompt the system prompt; empty for none
 * @param temperature empty for the server's default
 * @param topP empty for the server's default
 * @param maxTokens empty for the server's default
 * @param seed empty for none
 * @param shareable whether the form offered the "shared" box (only an administrator's
 * does)
 * @param shared the box, {@code on} when ticked
 */
public record PresetForm(String name, String endpoint, String model, String reasoning, String budget,
		String systemPrompt, String temperature, String topP, String maxTokens, String seed, String shareable,
		String shared) implements Serializable {

	/** The change the form asks for: every field it holds, as a whole. */
	PresetDraft draft() {
		return new PresetDraft(nonNull(this.name),
				(this.shareable != null) ? Boolean.valueOf(this.shared != null) : null, nonNull(this.endpoint),
				nonNull(this.model), reasoningChoice(), nonNull(this.systemPrompt),
				new AnswerParameters(decimal(this.temperature, "Temperature"), decimal(this.topP, "Top P"),
						whole(this.maxTokens, "Max tokens"), seedNumber()),
				null, null);
	}

	private PresetReasoning reasoningChoice() {
		if (this.reasoning == null || this.reasoning.isBlank()) {
			return new PresetReasoning(null, null, null);
		}
		return switch (this.reasoning) {
			case "hidden" -> new PresetReasoning(null, null, true);
			case "budget" -> new PresetReasoning(null, whole(this.budget, "The reasoning budget"), null);
			default -> new PresetReasoning(this.reasoning, null, null);
		};
	}

	private Long seedNumber() {
		if (blank(this.seed)) {
			return null;
		}
		try {
			return Long.valueOf(this.seed.strip());
		}
		catch (NumberFormatException ex) {
			throw invalid("The seed must be a whole number.");
		}
	}

	private static Double decimal(String text, String what) {
		if (blank(text)) {
			return null;
		}
		try {
			return Double.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			throw invalid(what + " must be a number.");
		}
	}

	private static Integer whole(String text, String what) {
		if (blank(text)) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			throw invalid(what + " must be a whole number.");
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String nonNull(String text) {
		return (text != null) ? text : "";
	}

	private static ProblemException invalid(String sentence) {
		return new ProblemException(ErrorCode.INVALID_REQUEST, sentence);
	}

}
