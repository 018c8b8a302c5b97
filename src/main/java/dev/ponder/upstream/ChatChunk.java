package dev.ponder.upstream;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One {@code chat.completion.chunk} of a streamed answer, as OpenRouter and other
 * OpenAI-style servers send it.
 * <p>
 * Besides the usual fields it carries the two error shapes seen in the wild: OpenRouter's
 * top-level {@code error} object, and the {@code {"object": "error", "message": …}} body
 * that vLLM and some other servers stream instead.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatChunk(String id, String object, String model, String provider, List<Choice> choices, Usage usage,
		UpstreamErrorBody error, String message, Object code, String type) {

	/** Whether this chunk is an error in either of the shapes servers use. */
	public boolean isError() {
		return this.error != null || "error".equals(this.object);
	}

	/** The error this chunk reports, whichever shape it came in. */
	public UpstreamErrorBody errorBody() {
		return (this.error != null) ? this.error : new UpstreamErrorBody(this.code, this.message, null);
	}

	/** The first choice, which is the only one Ponder ever asks for. */
	public Choice firstChoice() {
		return (this.choices == null || this.choices.isEmpty()) ? null : this.choices.get(0);
	}

}
