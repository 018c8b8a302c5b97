package dev.ponder.preset;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.ponder.conversation.AnswerParameters;

/**
 * A preset as the API and pages show it.
 *
 * @param id its id, for {@code preset} in a send
 * @param name its name
 * @param shared whether everyone sees it
 * @param mine whether the person asking owns it
 * @param editable whether the person asking may change and delete it (the owner, or an
 * administrator for a shared one)
 * @param endpoint the endpoint, or null for the default
 * @param model the model id, or null for the default
 * @param reasoning how hard to think, or null for the default
 * @param systemPrompt the system prompt, or null for none
 * @param parameters the sampling parameters; each null part is the server's default
 * @param relay the relay, or null
 * @param compare the compare's columns, or null
 * @param createdAt when it was made
 * @param updatedAt when it last changed
 */
public record PresetView(UUID id, String name, boolean shared, boolean mine, boolean editable, String endpoint,
		String model, PresetReasoning reasoning, String systemPrompt, AnswerParameters parameters, PresetRelay relay,
		List<PresetColumn> compare, Instant createdAt, Instant updatedAt) {
}
