package dev.ponder.upstream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One choice of a streamed chunk: what changed, and why generation stopped once it has.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Choice(Integer index, Delta delta, String finishReason, String nativeFinishReason) {
}
