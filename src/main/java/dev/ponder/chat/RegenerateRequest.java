package dev.ponder.chat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.ponder.conversation.AnswerParameters;

/**
 * How to answer a question again: the same model and effort unless others are named.
 *
 * @param model another model id, or {@code null} for the one that answered before
 * @param reasoning how hard to think; the default effort when absent
 * @param relay a thinking model whose reasoning the answer is written from, or
 * {@code null}
 * @param reuseReasoning for a relayed answer: write it again from the reasoning already
 * stored
 * @param endpoint the endpoint of another model; with no model, the earlier answer's
 * @param parameters the sampling set-up; the earlier answer's when absent ({@code {}} for
 * the server's defaults)
 */
public record RegenerateRequest(
		@Size(max = 200, message = "The model id is longer than 200 characters.") @Pattern(
				regexp = "[A-Za-z0-9][A-Za-z0-9._:/@+-]*",
				message = "The model id may hold only letters, digits and . _ : / @ + -") String model,
		@Valid ReasoningOptions reasoning, @Valid RelayOptions relay, Boolean reuseReasoning,
		@Size(max = 64, message = "The endpoint name is longer than 64 characters.") String endpoint,
		@Valid AnswerParameters parameters) {

	/** How to answer again, with the earlier answer's parameters. */
	public RegenerateRequest(String model, ReasoningOptions reasoning, RelayOptions relay, Boolean reuseReasoning,
			String endpoint) {
		this(model, reasoning, relay, reuseReasoning, endpoint, null);
	}

}
