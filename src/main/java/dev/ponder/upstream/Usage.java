package dev.ponder.upstream;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Token counts and cost of one generation, reported in the last chunk that carries usage.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Usage(Integer promptTokens, Integer completionTokens, Integer totalTokens, BigDecimal cost,
		CompletionTokensDetails completionTokensDetails, PromptTokensDetails promptTokensDetails) {

	/** Reasoning tokens, where the server counts them separately. */
	public Integer reasoningTokens() {
		return (this.completionTokensDetails != null) ? this.completionTokensDetails.reasoningTokens() : null;
	}

	/** The breakdown of completion tokens. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	public record CompletionTokensDetails(Integer reasoningTokens) {
	}

	/** The breakdown of prompt tokens. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	public record PromptTokensDetails(Integer cachedTokens) {
	}

}
