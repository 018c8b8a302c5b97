package dev.ponder.openai;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import dev.ponder.conversation.TokenUsage;

/**
 * What {@code POST /v1/chat/completions} answers, in OpenAI's shapes: a whole
 * {@code chat.completion}, or the {@code chat.completion.chunk}s of a stream. Fields
 * OpenAI always writes are written when empty too ({@code null}), since strict clients
 * expect them.
 */
final class CompletionWire {

	private CompletionWire() {
	}

	/** A whole answer. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record ChatCompletion(String id, String object, long created, String model, List<Choice> choices, Usage usage) {

		ChatCompletion(String id, long created, String model, List<Choice> choices, Usage usage) {
			this(id, "chat.completion", created, model, choices, usage);
		}

	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Choice(int index, Message message, Object logprobs, String finishReason) {
	}

	/**
	 * The answer, and what the model thought on the way: as {@code reasoning}
	 * (OpenRouter's name) and {@code reasoning_content} (DeepSeek's and vLLM's), so that
	 * clients of either show it.
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Message(String role, String content, String reasoning, String reasoningContent, Object refusal) {

		static Message of(String content, String reasoning) {
			String thought = (reasoning == null || reasoning.isEmpty()) ? null : reasoning;
			return new Message("assistant", content, thought, thought, null);
		}

	}

	/** One chunk of a stream. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Chunk(String id, String object, long created, String model, List<ChunkChoice> choices,
			@JsonInclude(JsonInclude.Include.NON_NULL) Usage usage,
			@JsonInclude(JsonInclude.Include.NON_NULL) OpenAiError.Detail error) {

		Chunk(String id, long created, String model, List<ChunkChoice> choices, Usage usage, OpenAiError.Detail error) {
			this(id, "chat.completion.chunk", created, model, choices, usage, error);
		}

	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record ChunkChoice(int index, Delta delta, Object logprobs, String finishReason) {
	}

	/** What a chunk adds; only what it has is written. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Delta(String role, String content, String reasoning, String reasoningContent) {

		static final Delta NOTHING = new Delta(null, null, null, null);

		static final Delta FIRST = new Delta("assistant", "", null, null);

		static Delta content(String text) {
			return new Delta(null, text, null, null);
		}

		static Delta reasoning(String text) {
			return new Delta(null, null, text, text);
		}

	}

	/**
	 * Tokens and cost; a relay's count its thinker's tokens as well as its answerer's.
	 *
	 * @param cost in US dollars, as OpenRouter reports it; {@code null} where unknown
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Usage(int promptTokens, int completionTokens, int totalTokens, TokenDetails completionTokensDetails,
			BigDecimal cost) {

		static Usage of(TokenUsage usage) {
			int prompt = orZero(usage.promptTokens());
			int completion = orZero(usage.completionTokens());
			return new Usage(prompt, completion, prompt + completion, new TokenDetails(orZero(usage.reasoningTokens())),
					usage.cost());
		}

		private static int orZero(Integer tokens) {
			return (tokens != null) ? tokens : 0;
		}

	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record TokenDetails(int reasoningTokens) {
	}

}
