package dev.ponder.chat;

import java.util.List;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import dev.ponder.upstream.ReasoningDetail;

/**
 * Writes raw reasoning details as the JSON array they are stored as, and reads that array
 * back to send it upstream again.
 */
@Component
class ReasoningDetailsJson {

	private final JsonMapper jsonMapper;

	ReasoningDetailsJson(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	String write(List<ReasoningDetail> details) {
		return this.jsonMapper.writeValueAsString(details);
	}

	/**
	 * The stored array as a tree, every field and block as it was; empty for anything
	 * else (an imported file may hold any JSON there), which is then not sent.
	 */
	Optional<JsonNode> read(String stored) {
		if (stored == null) {
			return Optional.empty();
		}
		try {
			JsonNode details = this.jsonMapper.readTree(stored);
			return (details.isArray() && !details.isEmpty()) ? Optional.of(details) : Optional.empty();
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

}
