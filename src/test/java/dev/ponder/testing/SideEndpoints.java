package dev.ponder.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** OpenRouter's {@code GET /models} and {@code GET /key}, answered from settable JSON. */
final class SideEndpoints {

	static final String DEFAULT_MODELS = """
			{"data": [
			  {"id": "deepseek/deepseek-r1", "canonical_slug": "deepseek/deepseek-r1", "name": "DeepSeek: R1",
			   "created": 1737381095, "description": "Open reasoning model.", "context_length": 163840,
			   "architecture": {"modality": "text->text", "input_modalities": ["text"], "output_modalities": ["text"],
			     "tokenizer": "DeepSeek", "instruct_type": "deepseek-r1"},
			   "pricing": {"prompt": "0.0000004", "completion": "0.000002", "request": "0", "image": "0",
			     "internal_reasoning": "0"},
			   "top_provider": {"context_length": 163840, "max_completion_tokens": 163840, "is_moderated": false},
			   "per_request_limits": null,
			   "supported_parameters": ["include_reasoning", "max_tokens", "reasoning", "seed", "stop", "temperature", "top_p"],
			   "reasoning": {"supported_efforts": [], "default_effort": null, "default_enabled": true, "mandatory": true,
			     "supports_max_tokens": false}},
			  {"id": "anthropic/claude-sonnet-4.5", "canonical_slug": "anthropic/claude-4.5-sonnet-20250929",
			   "name": "Anthropic: Claude Sonnet 4.5", "created": 1759161676, "description": "Hybrid reasoning model.",
			   "context_length": 1000000,
			   "architecture": {"modality": "text+image->text", "input_modalities": ["text", "image"],
			     "output_modalities": ["text"], "tokenizer": "Claude", "instruct_type": null},
			   "pricing": {"prompt": "0.000003", "completion": "0.000015", "request": "0", "image": "0.0048",
			     "internal_reasoning": "0"},
			   "top_provider": {"context_length": 1000000, "max_completion_tokens": 64000, "is_moderated": true},
			   "per_request_limits": null,
			   "supported_parameters": ["include_reasoning", "max_tokens", "reasoning", "stop", "temperature", "tools"],
			   "reasoning": {"supported_efforts": ["high", "medium", "low", "minimal", "none"], "default_effort": "medium",
			     "default_enabled": false, "mandatory": false, "supports_max_tokens": true}},
			  {"id": "openai/gpt-4o-mini", "canonical_slug": "openai/gpt-4o-mini", "name": "OpenAI: GPT-4o-mini",
			   "created": 1721260800, "description": "Small, fast, no reasoning.", "context_length": 128000,
			   "architecture": {"modality": "text+image->text", "input_modalities": ["text", "image"],
			     "output_modalities": ["text"], "tokenizer": "GPT", "instruct_type": null},
			   "pricing": {"prompt": "0.00000015", "completion": "0.0000006", "request": "0", "image": "0.000217"},
			   "top_provider": {"context_length": 128000, "max_completion_tokens": 16384, "is_moderated": true},
			   "per_request_limits": null,
			   "supported_parameters": ["max_tokens", "seed", "stop", "temperature", "tools", "top_p"]}
			]}
			""";

	static final String DEFAULT_KEY = """
			{"data": {"label": "sk-or-v1-0e6...1c9", "limit": 10, "limit_reset": "monthly", "limit_remaining": 7.5,
			  "include_byok_in_limit": false, "usage": 2.5, "usage_daily": 0.25, "usage_weekly": 1.0,
			  "usage_monthly": 2.5, "byok_usage": 0, "byok_usage_daily": 0, "byok_usage_weekly": 0,
			  "byok_usage_monthly": 0, "is_free_tier": false}}
			""";

	private volatile String models = DEFAULT_MODELS;

	private volatile String key = DEFAULT_KEY;

	private volatile int keyStatus = 200;

	void models(String json) {
		this.models = json;
	}

	void key(int status, String json) {
		this.keyStatus = status;
		this.key = json;
	}

	void reset() {
		this.models = DEFAULT_MODELS;
		this.key = DEFAULT_KEY;
		this.keyStatus = 200;
	}

	/**
	 * Answers {@code GET /models}, filtered by {@code ?supported_parameters=} as
	 * OpenRouter does.
	 */
	Mono<Void> models(RecordedRequest request, HttpServerResponse response) {
		String all = this.models;
		String body = request.query("supported_parameters").map((wanted) -> filter(all, wanted)).orElse(all);
		return FakeUpstream.sendJson(response, 200, body);
	}

	/** Answers {@code GET /key}: the key's limits with a bearer key, 401 without. */
	Mono<Void> key(RecordedRequest request, HttpServerResponse response) {
		boolean bearer = request.header("Authorization")
			.filter((value) -> value.startsWith("Bearer ") && value.length() > "Bearer ".length())
			.isPresent();
		if (!bearer) {
			return FakeUpstream.sendJson(response, 401, Chunks.errorBody(401, "No auth credentials found", Map.of()));
		}
		return FakeUpstream.sendJson(response, this.keyStatus, this.key);
	}

	private static String filter(String json, String wanted) {
		List<String> parameters = Arrays.asList(wanted.split(","));
		ObjectNode root = (ObjectNode) FakeGeneration.JSON.readTree(json);
		ArrayNode kept = FakeGeneration.JSON.createArrayNode();
		for (JsonNode model : root.path("data")) {
			if (supportsAll(model, parameters)) {
				kept.add(model);
			}
		}
		root.set("data", kept);
		return FakeGeneration.JSON.writeValueAsString(root);
	}

	private static boolean supportsAll(JsonNode model, List<String> parameters) {
		List<String> supported = model.path("supported_parameters").valueStream().map(JsonNode::asString).toList();
		return supported.containsAll(parameters);
	}

}
