package dev.ponder.testing;

import java.util.Map;

/**
 * OpenRouter chunk JSON for the default {@link Generation} ({@link #GENERATION}), whose
 * id is also the default {@code X-Generation-Id} of {@link Script#stream()}. Use
 * {@link FakeGeneration#unique()} when a test needs several generations apart.
 */
public final class Chunks {

	public static final FakeGeneration GENERATION = FakeGeneration.withId("gen-1767225600-fakeUpstreamDefault");

	private Chunks() {
	}

	public static String role() {
		return GENERATION.role();
	}

	public static String reasoning(String text) {
		return GENERATION.reasoning(text);
	}

	public static String reasoningSummary(String summary) {
		return GENERATION.reasoningSummary(summary);
	}

	public static String encryptedReasoning(String data) {
		return GENERATION.encryptedReasoning(data);
	}

	public static String reasoningContent(String text) {
		return GENERATION.reasoningContent(text);
	}

	public static String content(String text) {
		return GENERATION.content(text);
	}

	public static String finish(String finishReason) {
		return GENERATION.finish(finishReason);
	}

	public static String usage(int prompt, int completion, int reasoning, double cost) {
		return GENERATION.usage(prompt, completion, reasoning, cost);
	}

	public static String midStreamError(Object code, String message) {
		return GENERATION.midStreamError(code, message);
	}

	public static String midStreamError(Object code, String message, Map<String, ?> metadata) {
		return GENERATION.midStreamError(code, message, metadata);
	}

	public static String vllmError(String message) {
		return FakeGeneration.vllmError(message);
	}

	public static String errorBody(int code, String message, Map<String, ?> metadata) {
		return FakeGeneration.errorBody(code, message, metadata);
	}

}
