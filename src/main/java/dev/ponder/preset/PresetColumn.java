package dev.ponder.preset;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One column of a preset's compare.
 *
 * @param model the model that answers; the default model when absent
 * @param endpoint its endpoint; the preset's when absent
 * @param reasoning how hard it thinks, {@code {effort, maxTokens, hidden}}
 * @param relay a thinker whose reasoning the column's model answers with, or null
 */
public record PresetColumn(
		@Size(max = 200, message = "The model id is longer than 200 characters.") @Pattern(
				regexp = "|[A-Za-z0-9][A-Za-z0-9._:/@+-]*",
				message = "The model id may hold only letters, digits and . _ : / @ + -") String model,
		@Size(max = 64, message = "The endpoint name is longer than 64 characters.") String endpoint,
		PresetReasoning reasoning, @Valid PresetRelay relay) {
}
