package dev.ponder.upstream;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What one chunk adds to the answer. Reasoning arrives in whichever field the server
 * uses: {@code reasoning} (OpenRouter, vLLM, Ollama), {@code reasoning_content}
 * (DeepSeek, llama.cpp, older vLLM), {@code reasoning_details} (OpenRouter's structured
 * form), or inline in {@code content} between think tags.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Delta(String role, String content, String reasoning, String reasoningContent,
		List<ReasoningDetail> reasoningDetails) {
}
