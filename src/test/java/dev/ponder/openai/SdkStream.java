package dev.ponder.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.completions.CompletionUsage;

/**
 * What a program built on the official OpenAI Java SDK reads from one streamed answer:
 * the text of every delta's {@code content}, and of the {@code reasoning} and
 * {@code reasoning_content} that the SDK does not know and keeps among a delta's
 * additional properties (read through {@code _allProperties()}, which replaced the
 * deprecated {@code _additionalProperties()}); the finish reason, the usage chunk, and
 * the chunks themselves for the assertions about their order.
 */
record SdkStream(List<ChatCompletionChunk> chunks, String reasoning, String reasoningContent, String content,
		Optional<String> finishReason, Optional<CompletionUsage> usage) {

	/** Reads the stream to its end (the SDK raises here on an error in the stream). */
	static SdkStream read(StreamResponse<ChatCompletionChunk> response) {
		try (response) {
			List<ChatCompletionChunk> chunks = new ArrayList<>();
			response.stream().forEach(chunks::add);
			return of(chunks);
		}
	}

	static SdkStream of(List<ChatCompletionChunk> chunks) {
		StringBuilder reasoning = new StringBuilder();
		StringBuilder reasoningContent = new StringBuilder();
		StringBuilder content = new StringBuilder();
		Optional<String> finishReason = Optional.empty();
		Optional<CompletionUsage> usage = Optional.empty();
		for (ChatCompletionChunk chunk : chunks) {
			if (chunk.usage().isPresent()) {
				usage = chunk.usage();
			}
			for (ChatCompletionChunk.Choice choice : chunk.choices()) {
				Map<String, JsonValue> extra = choice.delta()._allProperties();
				reasoning.append(text(extra.get("reasoning")));
				reasoningContent.append(text(extra.get("reasoning_content")));
				content.append(choice.delta().content().orElse(""));
				if (choice.finishReason().isPresent()) {
					finishReason = choice.finishReason().map(ChatCompletionChunk.Choice.FinishReason::asString);
				}
			}
		}
		return new SdkStream(List.copyOf(chunks), reasoning.toString(), reasoningContent.toString(), content.toString(),
				finishReason, usage);
	}

	/** The chunks that carry reasoning, as the SDK hands them over. */
	List<ChatCompletionChunk> reasoningChunks() {
		return this.chunks.stream()
			.filter((chunk) -> chunk.choices()
				.stream()
				.anyMatch((choice) -> !text(choice.delta()._allProperties().get("reasoning")).isEmpty()))
			.toList();
	}

	/** An additional property's text: empty when absent or {@code null}. */
	static String text(JsonValue value) {
		return (value == null || value.isNull() || value.isMissing()) ? "" : value.convert(String.class);
	}

}
