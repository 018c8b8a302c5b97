package dev.ponder.chat;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.ponder.conversation.AnswerParameters;
import dev.ponder.conversation.Conversation;

/**
 * A person's message and how it should be answered.
 *
 * @param content the message, up to 100,000 characters
 * @param model the model id, e.g. {@code deepseek/deepseek-r1}; the default model when
 * absent
 * @param reasoning how hard the model should think; the default effort when absent
 * @param relay another model that thinks first, whose reasoning this model answers with
 * @param compare two to four set-ups to answer side by side instead of one
 * @param endpoint the endpoint that serves the model(s), e.g. {@code openrouter} or
 * {@code ollama}; the default endpoint when absent
 * @param parameters temperature, top_p, max_tokens and seed; the server's defaults when
 * absent
 * @param preset a saved set-up whose parts fill in what this request leaves out
 * @param attachments files uploaded first ({@code POST /api/attachments}) that go with
 * the message, up to {@value #MAX_ATTACHMENTS}
 * @param systemPrompt the conversation's system prompt from now on, set before the
 * message is sent (empty removes it); the conversation's own when absent
 */
public record SendMessageRequest(
		@NotBlank(message = "The message is empty.") @Size(max = SendMessageRequest.MAX_LENGTH,
				message = "The message is longer than 100,000 characters.") String content,
		@Size(max = 200, message = "The model id is longer than 200 characters.") @Pattern(
				regexp = "[A-Za-z0-9][A-Za-z0-9._:/@+-]*",
				message = "The model id may hold only letters, digits and . _ : / @ + -") String model,
		@Valid ReasoningOptions reasoning, @Valid RelayOptions relay,
		@Size(min = 2, max = 4, message = "A compare has 2 to 4 columns.") List<@NotNull(
				message = "A compare column is null: give each column an object, {} for the defaults.") @Valid CompareColumn> compare,
		@Size(max = 64, message = "The endpoint name is longer than 64 characters.") String endpoint,
		@Valid AnswerParameters parameters, UUID preset,
		@Size(max = SendMessageRequest.MAX_ATTACHMENTS,
				message = "A message takes at most 10 attachments.") List<@NotNull(
						message = "An attachment id is null.") UUID> attachments,
		@Size(max = Conversation.MAX_SYSTEM_PROMPT_LENGTH,
				message = "The system prompt is longer than 100,000 characters.") String systemPrompt) {

	/** A message for one model, thinking and answering itself. */
	public SendMessageRequest(String content, String model, ReasoningOptions reasoning) {
		this(content, model, reasoning, null, null, null);
	}

	/** A message without parameters, preset or attachments. */
	public SendMessageRequest(String content, String model, ReasoningOptions reasoning, RelayOptions relay,
			List<CompareColumn> compare, String endpoint) {
		this(content, model, reasoning, relay, compare, endpoint, null, null, null, null);
	}

	/**
	 * A message with parameters, preset and attachments, and the conversation's own
	 * system prompt.
	 */
	public SendMessageRequest(String content, String model, ReasoningOptions reasoning, RelayOptions relay,
			List<CompareColumn> compare, String endpoint, AnswerParameters parameters, UUID preset,
			List<UUID> attachments) {
		this(content, model, reasoning, relay, compare, endpoint, parameters, preset, attachments, null);
	}

	/** The most files one message takes. */
	public static final int MAX_ATTACHMENTS = 10;

	/** The longest message accepted, in characters. */
	public static final int MAX_LENGTH = 100_000;

}
