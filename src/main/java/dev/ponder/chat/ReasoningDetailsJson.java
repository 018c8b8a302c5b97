package dev.ponder.chat;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import dev.ponder.upstream.ReasoningDetail;

/**
 * Writes raw reasoning details as the JSON array they are stored as.
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

}
