package dev.ponder.upstream;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;
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
		Integer maxTokens, Long seed, List<String> stop) {

	public static ChatRequest streaming(String model, List<ChatMessage> messages, ReasoningRequest reasoning) {
		return new ChatRequest(model, messages, true, reasoning, null, new UsageRequest(true), new StreamOptions(true),
				null, null, null, null, null);
	}

	/** The same request with the effort also spelled the OpenAI way, if there is one. */
	public ChatRequest withReasoningEffort() {
		String effort = (this.reasoning != null) ? this.reasoning.effort() : null;
		return new ChatRequest(this.model, this.messages, this.stream, this.reasoning, effort, this.usage,
				this.streamOptions, this.temperature, this.topP, this.maxTokens, this.seed, this.stop);
	}

	/** The same request with these sampling parameters; {@code null} leaves one out. */
	public ChatRequest withSampling(Double temperature, Double topP, Integer maxTokens, Long seed, List<String> stop) {
		return new ChatRequest(this.model, this.messages, this.stream, this.reasoning, this.reasoningEffort, this.usage,
				this.streamOptions, temperature, topP, maxTokens, seed, stop);
	}

	/**
	 * One turn of the conversation sent upstream.
	 *
	 * @param content the text, or a list of {@link ContentPart}s for a question with
	 * files
	 * @param reasoning an earlier answer's reasoning as plain text, OpenRouter's way of
	 * preserving it for models that return only text; left out when {@code null}
	 * @param reasoningDetails an earlier answer's {@code reasoning_details} array exactly
	 * as the model sent it (encrypted blocks and signatures included); left out when
	 * {@code null}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	public record ChatMessage(String role, Object content, String reasoning, JsonNode reasoningDetails) {

		/** A turn of text alone. */
		public ChatMessage(String role, String content) {
			this(role, (Object) content, null, null);
		}

		private ChatMessage(String role, Object content) {
			this(role, content, null, null);
		}

		/** A turn of several parts: text, images, files. */
		public static ChatMessage ofParts(String role, List<ContentPart> parts) {
			return new ChatMessage(role, List.copyOf(parts));
		}

		/** The same turn with the reasoning that led to it, as plain text. */
		public ChatMessage withReasoning(String text) {
			return new ChatMessage(this.role, this.content, text, null);
		}

		/** The same turn with the reasoning blocks that led to it, untouched. */
		public ChatMessage withReasoningDetails(JsonNode details) {
			return new ChatMessage(this.role, this.content, null, details);
		}

		/**
		 * The conversation with a system message first, if there is one to say: the
		 * person's system prompt, or a relay's instructions with it in.
		 */
		public static List<ChatMessage> systemFirst(String system, List<ChatMessage> history) {
			if (system == null) {
				return history;
			}
			List<ChatMessage> messages = new ArrayList<>(history.size() + 1);
			messages.add(new ChatMessage("system", system));
			messages.addAll(history);
			return messages;
		}

	}

	/**
	 * One part of a turn with files, as OpenAI's API and OpenRouter spell them: text, an
	 * image as a data URL, a PDF as OpenRouter's {@code file} part.
	 */
	public sealed interface ContentPart {

		/** The part's kind on the wire: {@code text}, {@code image_url}, {@code file}. */
		String type();

		static ContentPart text(String text) {
			return new Text("text", text);
		}

		static ContentPart image(String contentType, byte[] bytes) {
			return new Image("image_url", new ImageUrl(dataUrl(contentType, bytes)));
		}

		static ContentPart file(String filename, String contentType, byte[] bytes) {
			return new File("file", new FileData(filename, dataUrl(contentType, bytes)));
		}

		private static String dataUrl(String contentType, byte[] bytes) {
			return "data:" + contentType + ";base64," + Base64.getEncoder().encodeToString(bytes);
		}

		record Text(String type, String text) implements ContentPart {
		}

		@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
		record Image(String type, ImageUrl imageUrl) implements ContentPart {
		}

		record ImageUrl(String url) {
		}

		record File(String type, FileData file) implements ContentPart {
		}

		@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
		record FileData(String filename, String fileData) {
		}

	}

	/** Asks for usage in the stream, the OpenRouter way. */
	public record UsageRequest(boolean include) {
	}

	/** Asks for usage in the stream, the OpenAI way. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	public record StreamOptions(boolean includeUsage) {
	}

}
