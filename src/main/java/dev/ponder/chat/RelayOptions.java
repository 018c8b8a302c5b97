package dev.ponder.chat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A reasoning relay: {@code thinker} reasons about the question (its answer is thrown
 * away), and the request's model answers with that reasoning in its prompt.
 *
 * @param thinker the model that thinks, e.g. {@code deepseek/deepseek-r1}
 * @param reasoning how hard it thinks; {@code high} when absent
 */
public record RelayOptions(@NotBlank(message = "A relay needs a thinker model.") @Size(max = 200,
		message = "The thinker model id is longer than 200 characters.") @Pattern(
				regexp = "[A-Za-z0-9][A-Za-z0-9._:/@+-]*",
				message = "The thinker model id may hold only letters, digits and . _ : / @ + -") String thinker,
		@Valid ReasoningOptions reasoning) {

	/** The thinker is there to think: without a choice, it thinks hard. */
	ReasoningOptions thinkerReasoning() {
		return (this.reasoning != null) ? this.reasoning : new ReasoningOptions("high", null, null);
	}

}
