package dev.ponder.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

import dev.ponder.chat.GenerationRegistry;

/**
 * How many answers are streaming on this instance now. Read from the generation registry
 * at each scrape rather than counted up and down, so it can never drift from the truth.
 */
@Component
class StreamingAnswersGauge implements MeterBinder {

	private final GenerationRegistry generations;

	StreamingAnswersGauge(GenerationRegistry generations) {
		this.generations = generations;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("ponder.answers.streaming", this.generations, GenerationRegistry::running)
			.description("Answers being generated on this instance now")
			.register(registry);
	}

}
