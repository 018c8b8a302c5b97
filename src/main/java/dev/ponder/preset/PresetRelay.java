package dev.ponder.preset;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A preset's relay: {@code thinker} reasons first, the preset's model answers from that
 * reasoning.
 *
 * @param thinker the thinking model; blank in a change removes the relay
 * @param thinkerReasoning how hard it thinks, {@code {effort, maxTokens, hidden}}; high
 * when absent
 */
public record PresetRelay(
		@Size(max = 200, message = "The thinker model id is longer than 200 characters.") @Pattern(
				regexp = "|[A-Za-z0-9][A-Za-z0-9._:/@+-]*",
				message = "The thinker model id may hold only letters, digits and . _ : / @ + -") String thinker,
		PresetReasoning thinkerReasoning) {
}
