package dev.ponder.chat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One column of a side-by-side compare: a model, how hard it thinks, or a relay into it.
 *
 * @param model the model that answers; the default model when absent
 * @param reasoning how hard it thinks
 * @param relay a thinker whose reasoning this column's model answers with, or
 * {@code null}
 * @param endpoint the endpoint of this column's model(s); the request's when absent
 */
public record CompareColumn(
		@Size(max = 200, message = "The model id is longer than 200 characters.") @Pattern(
				regexp = "[A-Za-z0-9][A-Za-z0-9._:/@+-]*",
				message = "The model id may hold only letters, digits and . _ : / @ + -") String model,
		@Valid ReasoningOptions reasoning, @Valid RelayOptions relay,
		@Size(max = 64, message = "The endpoint name is longer than 64 characters.") String endpoint) {
}
