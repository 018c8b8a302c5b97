package dev.ponder.upstream;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * OpenRouter's {@code reasoning} request object: an effort level, or a token budget, and
 * whether the reasoning should be left out of the response ({@code exclude}: the model
 * still thinks).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReasoningRequest(String effort, Integer maxTokens, Boolean exclude) {

	public static ReasoningRequest effort(String effort) {
		return new ReasoningRequest(effort, null, null);
	}

	public static ReasoningRequest maxTokens(int maxTokens) {
		return new ReasoningRequest(null, maxTokens, null);
	}

}
