package dev.ponder.upstream;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of a streamed chat completion request.
 * <p>
 * {@code usage: {include: true}} is deprecated on OpenRouter (usage always comes now) but
 * harmless, and some OpenAI-style servers only report usage when asked through
 * {@code stream_options}. Servers other than OpenRouter also get the effort as OpenAI's
 * {@code reasoning_effort}, the spelling vLLM, LM Studio and Ollama read. The sampling
 * parameters ({@code temperature}, {@code top_p}, {@code max_tokens}, {@code seed}) are
 * left out when not set, so that the server's defaults hold.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatRequest(String model, List<ChatMessage> messages, boolean stream, ReasoningRequest reasoning,
		String reasoningEffort, UsageRequest usage, StreamOptions streamOptions, Double temperature, Double topP,
		Integer maxTokens, Long seed) {

	public static ChatRequest streaming(String model, List<ChatMessage> messages, ReasoningRequest reasoning) {
		return new ChatRequest(model, messages, true, reasoning, null, new UsageRequest(true), new StreamOptions(true),
				null, null, null, null);
	}

	/** The same request with the effort also spelled the OpenAI way, if there is one. */
	public ChatRequest withReasoningEffort() {
		String effort = (this.reasoning != null) ? this.reasoning.effort() : null;
		return new ChatRequest(this.model, this.messages, this.stream, this.reasoning, effort, this.usage,
				this.streamOptions, this.temperature, this.topP, this.maxTokens, this.seed);
	}

	/** The same request with these sampling parameters; {@code null} leaves one out. */
	public ChatRequest withSampling(Double temperature, Double topP, Integer maxTokens, Long seed) {
		return new ChatRequest(this.model, this.messages, this.stream, this.reasoning, this.reasoningEffort, this.usage,
				this.streamOptions, temperature, topP, maxTokens, seed);
	}

	/** One turn of the conversation sent upstream. */
	public record ChatMessage(String role, String content) {
	}

	/** Asks for usage in the stream, the OpenRouter way. */
	public record UsageRequest(boolean include) {
	}

	/** Asks for usage in the stream, the OpenAI way. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	public record StreamOptions(boolean includeUsage) {
	}

}
