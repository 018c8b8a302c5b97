package dev.ponder.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Flux;

import org.springframework.stereotype.Component;

import dev.ponder.upstream.StreamObserver;
import dev.ponder.upstream.UpstreamEvent;
import dev.ponder.upstream.UpstreamException;
import dev.ponder.upstream.Usage;

/**
 * Measures each upstream chat call: how long its first token took, the tokens and dollars
 * its usage reports, and the kind of error it failed with. A relayed answer is two calls,
 * so both its models are counted, each under its own name.
 * <p>
 * Tags are the endpoint (configured), the model asked for (see {@link ModelTag}) and the
 * error's stable code (a fixed set); never a conversation, a message or anything a person
 * wrote.
 */
@Component
class UpstreamMetrics implements StreamObserver {

	/**
	 * A few fixed buckets, so that dashboards can take percentiles across instances
	 * without a series per possible duration; reasoning models may take a minute.
	 */
	private static final Duration[] FIRST_TOKEN_BUCKETS = { Duration.ofMillis(500), Duration.ofSeconds(1),
			Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
			Duration.ofSeconds(60) };

	private final MeterRegistry meters;

	private final ModelTag modelTag;

	UpstreamMetrics(MeterRegistry meters, ModelTag modelTag) {
		this.meters = meters;
		this.modelTag = modelTag;
	}

	@Override
	public Flux<UpstreamEvent> observe(String endpoint, String model, Flux<UpstreamEvent> stream) {
		return Flux.defer(() -> {
			Call call = new Call(endpoint, model, Timer.start(this.meters));
			return stream.doOnNext(call::accept).doOnError(UpstreamException.class, call::failed);
		});
	}

	private void countUsage(String endpoint, String model, Usage usage) {
		String tag = this.modelTag.of(model);
		countTokens(endpoint, tag, "prompt", usage.promptTokens());
		// OpenRouter counts reasoning tokens within the completion tokens; so do these.
		countTokens(endpoint, tag, "completion", usage.completionTokens());
		countTokens(endpoint, tag, "reasoning", usage.reasoningTokens());
		if (usage.cost() != null) {
			Counter.builder("ponder.cost")
				.description("What the upstream charged, as its usage reports it")
				.baseUnit("dollars")
				.tags("endpoint", endpoint, "model", tag)
				.register(this.meters)
				.increment(usage.cost().doubleValue());
		}
	}

	private void countTokens(String endpoint, String model, String kind, Integer tokens) {
		if (tokens != null) {
			Counter.builder("ponder.tokens")
				.description("Tokens as the upstream's usage reports them; reasoning is part of completion")
				.baseUnit("tokens")
				.tags("endpoint", endpoint, "model", model, "kind", kind)
				.register(this.meters)
				.increment(tokens);
		}
	}

	private void timeFirstToken(String endpoint, String model, Timer.Sample sample) {
		sample.stop(Timer.builder("ponder.upstream.first.token")
			.description("Time from sending a chat request upstream to its first reasoning or answer token")
			.tags("endpoint", endpoint, "model", this.modelTag.of(model))
			.serviceLevelObjectives(FIRST_TOKEN_BUCKETS)
			.register(this.meters));
	}

	private void countError(String endpoint, UpstreamException failure) {
		Counter.builder("ponder.upstream.errors")
			.description("Upstream chat calls that failed, by the kind of failure")
			.tags("endpoint", endpoint, "kind", failure.errorCode().code())
			.register(this.meters)
			.increment();
	}

	/**
	 * One call, from its request on. Reactor hands over its events one at a time, so the
	 * flag needs no lock.
	 */
	private final class Call {

		private final String endpoint;

		private final String model;

		private final Timer.Sample sinceRequest;

		private boolean tokenSeen;

		// The last usage the call reported: a call that fails was paid for too, as far as
		// its error chunk says.
		private Usage reported;

		private boolean usageCounted;

		Call(String endpoint, String model, Timer.Sample sinceRequest) {
			this.endpoint = endpoint;
			this.model = model;
			this.sinceRequest = sinceRequest;
		}

		void accept(UpstreamEvent event) {
			if (!this.tokenSeen && isToken(event)) {
				this.tokenSeen = true;
				timeFirstToken(this.endpoint, this.model, this.sinceRequest);
			}
			if (event instanceof UpstreamEvent.UsageReported report) {
				this.reported = report.usage();
			}
			else if (event instanceof UpstreamEvent.Finished finished) {
				countUsageOnce((finished.usage() != null) ? finished.usage() : this.reported);
			}
		}

		void failed(UpstreamException failure) {
			countError(this.endpoint, failure);
			countUsageOnce(this.reported);
		}

		private void countUsageOnce(Usage usage) {
			if (usage != null && !this.usageCounted) {
				this.usageCounted = true;
				countUsage(this.endpoint, this.model, usage);
			}
		}

		/** Encrypted reasoning blocks count too: the model has begun, unreadably. */
		private static boolean isToken(UpstreamEvent event) {
			return event instanceof UpstreamEvent.Reasoning || event instanceof UpstreamEvent.Content
					|| event instanceof UpstreamEvent.ReasoningDetails;
		}

	}

}
