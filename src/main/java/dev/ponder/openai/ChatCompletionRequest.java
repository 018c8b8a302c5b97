package dev.ponder.openai;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A call to {@code POST /v1/chat/completions} as OpenAI's clients send it. Fields Ponder
 * does not know are ignored, as OpenAI's API does; {@link CompletionRequestReader} checks
 * the rest and says what is wrong in OpenAI's words.
 *
 * @param model a model as {@code GET /v1/models} lists it, {@code relay:…} or
 * {@code preset:…}
 * @param messages the thread, oldest first, ending with the question
 * @param stream whether the answer streams as chunks
 * @param streamOptions {@code include_usage} adds a last chunk with the usage
 * @param maxTokens the answer's length (OpenAI's older name)
 * @param maxCompletionTokens the answer's length (OpenAI's newer name, which wins)
 * @param temperature 0 to 2
 * @param topP above 0, up to 1
 * @param seed for repeatable sampling
 * @param stop a string or up to four
 * @param reasoningEffort OpenAI's way to ask how hard to think
 * @param reasoning OpenRouter's way, which wins
 * @param user the caller's end user: taken, never sent on
 * @param n how many answers: only 1
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatCompletionRequest(String model, List<Message> messages, Boolean stream, StreamOptions streamOptions,
		Integer maxTokens, Integer maxCompletionTokens, Double temperature, Double topP, Long seed, JsonNode stop,
		String reasoningEffort, Reasoning reasoning, String user, Integer n) {

	/**
	 * One message of the thread.
	 *
	 * @param role {@code system}, {@code developer}, {@code user} or {@code assistant}
	 * @param content a string, or an array of parts ({@code text}, {@code image_url})
	 * @param toolCalls tools an assistant called: Ponder runs none
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	public record Message(String role, JsonNode content, JsonNode toolCalls) {
	}

	/**
	 * @param includeUsage whether a last chunk carries the usage
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	public record StreamOptions(Boolean includeUsage) {
	}

	/**
	 * OpenRouter's reasoning object.
	 *
	 * @param effort {@code xhigh} to {@code none}
	 * @param maxTokens a reasoning budget
	 * @param exclude think, but send none of it back
	 * @param enabled {@code false} turns reasoning off
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	public record Reasoning(String effort, Integer maxTokens, Boolean exclude, Boolean enabled) {
	}

}
