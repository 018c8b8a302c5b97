package dev.ponder.upstream;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code GET /models} answer: OpenRouter's rich entries (names, prices, supported
 * parameters, the {@code reasoning} object) or the bare ones of other OpenAI-style
 * servers (an {@code id}, perhaps vLLM's {@code max_model_len} or llama.cpp's
 * {@code meta}).
 *
 * @param models the entries that could be read
 * @param skipped why entries that could not be read were left out
 */
public record ModelListing(List<Model> models, List<String> skipped) {

	private static final int MAX_SHOWN = 120;

	/**
	 * Reads a {@code /models} body. Entries that make no sense are skipped and named in
	 * {@link #skipped()}; a body that is not a model list at all is refused.
	 * @throws MalformedException saying what is wrong with the body
	 */
	public static ModelListing parse(JsonMapper jsonMapper, String body) {
		JsonNode root;
		try {
			root = jsonMapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw new MalformedException("it is not JSON: " + excerpt(body));
		}
		if (root == null || !root.isObject() || !root.path("data").isArray()) {
			throw new MalformedException("it has no \"data\" array: " + excerpt(body));
		}
		List<Model> models = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		int index = 0;
		for (JsonNode entry : root.path("data")) {
			String problem = read(jsonMapper, entry, models);
			if (problem != null) {
				skipped.add("data[" + index + "] " + problem);
			}
			index++;
		}
		if (models.isEmpty() && !skipped.isEmpty()) {
			throw new MalformedException("none of its " + skipped.size() + " entries is a model: " + skipped.get(0));
		}
		return new ModelListing(List.copyOf(models), List.copyOf(skipped));
	}

	private static String read(JsonMapper jsonMapper, JsonNode entry, List<Model> models) {
		if (!entry.path("id").isString() || entry.path("id").asString().isBlank()) {
			return "has no id";
		}
		try {
			models.add(jsonMapper.treeToValue(entry, Model.class));
			return null;
		}
		catch (JacksonException ex) {
			return "(" + entry.path("id").asString() + ") could not be read: " + ex.getOriginalMessage();
		}
	}

	private static String excerpt(String body) {
		if (body == null || body.isBlank()) {
			return "(empty)";
		}
		String flat = body.strip().replaceAll("\\s+", " ");
		return (flat.length() <= MAX_SHOWN) ? flat : flat.substring(0, MAX_SHOWN) + "…";
	}

	/** One model as a server lists it; every field but {@code id} may be missing. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	public record Model(String id, String name, Long contextLength, Pricing pricing, List<String> supportedParameters,
			Reasoning reasoning, TopProvider topProvider, Long maxModelLen, Meta meta, Architecture architecture) {

		/** The context length, from whichever field the server fills. */
		public Long contextLengthAnywhere() {
			if (this.contextLength != null) {
				return this.contextLength;
			}
			if (this.topProvider != null && this.topProvider.contextLength() != null) {
				return this.topProvider.contextLength();
			}
			if (this.maxModelLen != null) {
				return this.maxModelLen;
			}
			return (this.meta != null) ? this.meta.nCtxTrain() : null;
		}

	}

	/** Prices in US dollars per token, as strings; {@code "-1"} means it varies. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	public record Pricing(String prompt, String completion, String internalReasoning, String request) {
	}

	/** What a reasoning model lets a request set about its reasoning. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	public record Reasoning(List<String> supportedEfforts, String defaultEffort, Boolean defaultEnabled,
			Boolean mandatory, Boolean supportsMaxTokens) {
	}

	/**
	 * What a model reads and writes, as OpenRouter lists it: {@code text}, {@code image},
	 * {@code file}…
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	public record Architecture(List<String> inputModalities, List<String> outputModalities) {
	}

	/** OpenRouter's best provider for the model. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	public record TopProvider(Long contextLength, Long maxCompletionTokens) {
	}

	/** llama.cpp's facts about the loaded model. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Meta(@JsonProperty("n_ctx_train") Long nCtxTrain) {
	}

	/** A {@code /models} body that is not a model list. */
	public static class MalformedException extends RuntimeException {

		MalformedException(String message) {
			super(message, null, false, false);
		}

	}

}
