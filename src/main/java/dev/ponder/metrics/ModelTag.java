package dev.ponder.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The value of the {@code model} tag: the model's name, for the first
 * {@value #MAX_MODELS} models this instance has measured, and {@code other} after that.
 * <p>
 * Models are few on a real instance, but the name is whatever a request says, and a local
 * server (llama.cpp, Ollama) may answer to any name: without a limit, one script could
 * give Prometheus a series per made-up name.
 */
@Component
class ModelTag {

	static final int MAX_MODELS = 100;

	static final String OTHER = "other";

	private final Set<String> known = ConcurrentHashMap.newKeySet();

	String of(String model) {
		if (model == null) {
			return OTHER;
		}
		if (this.known.contains(model)) {
			return model;
		}
		// Two threads may both pass the size check for the last places: a model or two
		// over the limit is harmless.
		if (this.known.size() < MAX_MODELS) {
			this.known.add(model);
			return model;
		}
		return OTHER;
	}

}
