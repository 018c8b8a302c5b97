package dev.ponder.openai;

/**
 * What a call's {@code model} names: one model of an endpoint, a relay of two, or one of
 * the person's presets.
 */
sealed interface AskedModel {

	/**
	 * A model of an endpoint, e.g. {@code openrouter} and {@code deepseek/deepseek-r1}.
	 */
	record One(String endpoint, String model) implements AskedModel {
	}

	/**
	 * {@code thinker} reasons, {@code answerer} answers with that reasoning, both on
	 * {@code endpoint}.
	 */
	record Relay(String endpoint, String thinker, String answerer) implements AskedModel {
	}

	/** A preset, by the name it was saved under. */
	record Preset(String name) implements AskedModel {
	}

}
