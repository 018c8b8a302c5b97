package dev.ponder.preset;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.ponder.conversation.AnswerParameters;
import dev.ponder.conversation.Conversation;

/**
 * A new preset, or a change to one: absent fields are left as they are (or empty, for a
 * new one). An empty string clears a text field, {@code {}} clears reasoning and
 * parameters, a relay with a blank thinker removes the relay, {@code []} the compare.
 *
 * @param name up to 100 characters, unique among the person's presets whatever the case
 * @param shared whether everyone sees and may use it; only an administrator sets it
 * @param endpoint the endpoint; the default one when absent
 * @param model the model id
 * @param reasoning {@code {effort, maxTokens, hidden}}
 * @param systemPrompt the instructions sent first on every turn
 * @param parameters temperature, topP, maxTokens and seed, as a whole
 * @param relay a thinker and how hard it thinks
 * @param compare two to four columns
 */
public record PresetDraft(
		@Size(max = Preset.MAX_NAME_LENGTH, message = "A preset's name is longer than 100 characters.") String name,
		Boolean shared, @Size(max = 64, message = "The endpoint name is longer than 64 characters.") String endpoint,
		@Size(max = 200, message = "The model id is longer than 200 characters.") @Pattern(
				regexp = "|[A-Za-z0-9][A-Za-z0-9._:/@+-]*",
				message = "The model id may hold only letters, digits and . _ : / @ + -") String model,
		PresetReasoning reasoning,
		@Size(max = Conversation.MAX_SYSTEM_PROMPT_LENGTH,
				message = "The system prompt is longer than 100,000 characters.") String systemPrompt,
		@Valid AnswerParameters parameters, @Valid PresetRelay relay,
		@Size(max = 4, message = "A compare has 2 to 4 columns.") List<@NotNull(
				message = "A compare column is null: give each column an object, {} for the defaults.") @Valid PresetColumn> compare) {

	/** Only a new name. */
	public static PresetDraft named(String name) {
		return new PresetDraft(name, null, null, null, null, null, null, null, null);
	}

}
