package dev.ponder.testing;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the {@code chat.completion.chunk} JSON of one generation, shaped like
 * OpenRouter's: every chunk carries the same {@code id}, {@code provider}, {@code model}
 * and {@code created}, and every delta repeats {@code role: "assistant"}.
 * <p>
 * The JSON is built with Jackson so any text (quotes, newlines, {@code <script>}, emoji)
 * comes out correctly escaped. {@link Chunks} offers the same methods for a default
 * generation.
 */
public record FakeGeneration(String id, String model, String provider, long created) {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final long CREATED = 1767225600L;

	private static final AtomicLong SEQUENCE = new AtomicLong();

	/** A DeepSeek R1 generation served by DeepInfra, under the given id. */
	public static FakeGeneration withId(String id) {
		return new FakeGeneration(id, "deepseek/deepseek-r1", "DeepInfra", CREATED);
	}

	/** A generation with an id no other generation in this JVM has. */
	public static FakeGeneration unique() {
		return withId("gen-%d-fake%06d".formatted(CREATED, SEQUENCE.incrementAndGet()));
	}

	/** The same generation from another model and provider. */
	public FakeGeneration servedBy(String model, String provider) {
		return new FakeGeneration(this.id, model, provider, this.created);
	}

	/** The first chunk: the assistant's role and no text yet. */
	public String role() {
		return write(chunk(delta("")));
	}

	/**
	 * A reasoning chunk. OpenRouter sends the text twice in the same chunk, as
	 * {@code delta.reasoning} and as a {@code reasoning.text} entry of
	 * {@code delta.reasoning_details}.
	 */
	public String reasoning(String text) {
		ObjectNode delta = delta("");
		delta.put("reasoning", text);
		ObjectNode detail = delta.putArray("reasoning_details").addObject();
		detail.put("type", "reasoning.text");
		detail.put("text", text);
		detail.put("format", "unknown");
		detail.put("index", 0);
		return write(chunk(delta));
	}

	/** A reasoning chunk carrying only a {@code reasoning.summary} detail. */
	public String reasoningSummary(String summary) {
		ObjectNode delta = delta("");
		delta.putNull("reasoning");
		ObjectNode detail = delta.putArray("reasoning_details").addObject();
		detail.put("type", "reasoning.summary");
		detail.put("summary", summary);
		detail.put("format", "openai-responses-v1");
		detail.put("index", 0);
		return write(chunk(delta));
	}

	/**
	 * A reasoning chunk carrying only an encrypted block, which must be kept but never
	 * shown.
	 */
	public String encryptedReasoning(String data) {
		ObjectNode delta = delta("");
		delta.putNull("reasoning");
		ObjectNode detail = delta.putArray("reasoning_details").addObject();
		detail.put("type", "reasoning.encrypted");
		detail.put("data", data);
		detail.put("id", "rs_fake_0001");
		detail.put("format", "openai-responses-v1");
		detail.put("index", 0);
		return write(chunk(delta));
	}

	/**
	 * DeepSeek's and llama.cpp's way of streaming reasoning:
	 * {@code delta.reasoning_content}.
	 */
	public String reasoningContent(String text) {
		ObjectNode delta = JSON.createObjectNode();
		delta.put("role", "assistant");
		delta.putNull("content");
		delta.put("reasoning_content", text);
		return write(chunk(delta));
	}

	/** A chunk of the answer itself. */
	public String content(String text) {
		return write(chunk(delta(text)));
	}

	/**
	 * The chunk that ends the choice, with the provider's own reason set to the same
	 * value.
	 */
	public String finish(String finishReason) {
		return finish(finishReason, finishReason);
	}

	public String finish(String finishReason, String nativeFinishReason) {
		ObjectNode chunk = chunk(delta(""));
		ObjectNode choice = (ObjectNode) chunk.get("choices").get(0);
		choice.put("finish_reason", finishReason);
		choice.put("native_finish_reason", nativeFinishReason);
		return write(chunk);
	}

	/**
	 * The final chunk OpenRouter sends on its own, with {@code choices: []} and the usage
	 * of the whole generation. {@code completion} includes the {@code reasoning} tokens.
	 */
	public String usage(int prompt, int completion, int reasoning, double cost) {
		ObjectNode chunk = envelope();
		chunk.putArray("choices");
		putUsage(chunk, prompt, completion, reasoning, cost);
		return write(chunk);
	}

	/**
	 * The same chunk with the generation's usage beside what it holds: OpenRouter puts
	 * usage on an error chunk too, so that a failed answer on a paid model is billed.
	 */
	public static String withUsage(String chunkJson, int prompt, int completion, int reasoning, double cost) {
		ObjectNode chunk = (ObjectNode) JSON.readTree(chunkJson);
		putUsage(chunk, prompt, completion, reasoning, cost);
		return write(chunk);
	}

	private static void putUsage(ObjectNode chunk, int prompt, int completion, int reasoning, double cost) {
		ObjectNode usage = chunk.putObject("usage");
		usage.put("prompt_tokens", prompt);
		usage.put("completion_tokens", completion);
		usage.put("total_tokens", prompt + completion);
		// A BigDecimal prints small costs as 0.0000421, the way OpenRouter does.
		usage.put("cost", BigDecimal.valueOf(cost));
		usage.put("is_byok", false);
		usage.putObject("prompt_tokens_details").put("cached_tokens", 0);
		usage.putObject("completion_tokens_details").put("reasoning_tokens", reasoning);
	}

	/**
	 * An error during the stream, as OpenRouter reports it: a top-level {@code error} and
	 * {@code finish_reason: "error"}. {@code code} may be a number ({@code 502}) or a
	 * string ({@code "server_error"}).
	 */
	public String midStreamError(Object code, String message) {
		return midStreamError(code, message, Map.of());
	}

	public String midStreamError(Object code, String message, Map<String, ?> metadata) {
		ObjectNode chunk = chunk(delta(""));
		ObjectNode error = JSON.createObjectNode();
		error.set("code", JSON.valueToTree(code));
		error.put("message", message);
		if (!metadata.isEmpty()) {
			error.set("metadata", JSON.valueToTree(metadata));
		}
		chunk.set("error", error);
		ObjectNode choice = (ObjectNode) chunk.get("choices").get(0);
		choice.put("finish_reason", "error");
		choice.put("native_finish_reason", "error");
		return write(chunk);
	}

	/** The error vLLM (and servers built like it) streams instead of a chunk. */
	public static String vllmError(String message) {
		ObjectNode error = JSON.createObjectNode();
		error.put("object", "error");
		error.put("message", message);
		error.put("type", "BadRequestError");
		error.putNull("param");
		error.put("code", 400);
		return write(error);
	}

	/** OpenRouter's error body: {@code {"error": {"code", "message", "metadata"}}}. */
	public static String errorBody(int code, String message, Map<String, ?> metadata) {
		ObjectNode body = JSON.createObjectNode();
		ObjectNode error = body.putObject("error");
		error.put("code", code);
		error.put("message", message);
		if (!metadata.isEmpty()) {
			error.set("metadata", JSON.valueToTree(metadata));
		}
		return write(body);
	}

	private ObjectNode envelope() {
		ObjectNode chunk = JSON.createObjectNode();
		chunk.put("id", this.id);
		chunk.put("provider", this.provider);
		chunk.put("model", this.model);
		chunk.put("object", "chat.completion.chunk");
		chunk.put("created", this.created);
		return chunk;
	}

	private ObjectNode chunk(ObjectNode delta) {
		ObjectNode chunk = envelope();
		ObjectNode choice = chunk.putArray("choices").addObject();
		choice.put("index", 0);
		choice.set("delta", delta);
		choice.putNull("finish_reason");
		choice.putNull("native_finish_reason");
		choice.putNull("logprobs");
		return chunk;
	}

	private static ObjectNode delta(String content) {
		ObjectNode delta = JSON.createObjectNode();
		delta.put("role", "assistant");
		delta.put("content", content);
		return delta;
	}

	private static String write(ObjectNode node) {
		return JSON.writeValueAsString(node);
	}

}
