package dev.ponder.upstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a call that never started is tried again: after a backoff that doubles, or the
 * upstream's {@code Retry-After} when that is longer, a few times, within a total wait.
 * Time here is virtual: the test moves it.
 */
class StartRetriesTest {

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final List<UpstreamEvent.Retrying> announced = new ArrayList<>();

	private final AtomicInteger calls = new AtomicInteger();

	private final List<String> received = new ArrayList<>();

	private Throwable failure;

	@Test
	void waitsTheBackoffThenTriesAgain() {
		retries(3, Duration.ofSeconds(2), Duration.ofSeconds(60))
			.retry(failingTimes(1, providerFailed(null)), this.announced::add)
			.subscribe(this.received::add, (error) -> this.failure = error);

		assertThat(this.calls).hasValue(1);
		assertThat(this.announced).singleElement().satisfies((retry) -> {
			assertThat(retry.attempt()).isEqualTo(1);
			assertThat(retry.maxAttempts()).isEqualTo(3);
			assertThat(retry.delay()).isEqualTo(Duration.ofSeconds(2));
			assertThat(retry.code()).isEqualTo("provider_failed");
		});
		this.time.advanceTimeBy(Duration.ofMillis(1999));
		assertThat(this.calls).as("not before the backoff").hasValue(1);
		this.time.advanceTimeBy(Duration.ofMillis(1));
		assertThat(this.calls).hasValue(2);
		assertThat(this.received).containsExactly("answer");
	}

	@Test
	void aLongerRetryAfterWinsOverTheBackoff() {
		retries(3, Duration.ofSeconds(2), Duration.ofSeconds(60))
			.retry(failingTimes(1, rateLimited(Duration.ofSeconds(30))), this.announced::add)
			.subscribe(this.received::add, (error) -> this.failure = error);

		assertThat(this.announced).singleElement()
			.satisfies((retry) -> assertThat(retry.delay()).isEqualTo(Duration.ofSeconds(30)));
		this.time.advanceTimeBy(Duration.ofSeconds(29));
		assertThat(this.calls).as("the upstream asked for 30 s").hasValue(1);
		this.time.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(this.received).containsExactly("answer");
	}

	@Test
	void theBackoffDoublesAndTheLastFailureIsTheAnswerOnceAttemptsRunOut() {
		retries(3, Duration.ofSeconds(1), Duration.ofSeconds(60))
			.retry(failingTimes(10, providerFailed(null)), this.announced::add)
			.subscribe(this.received::add, (error) -> this.failure = error);
		this.time.advanceTimeBy(Duration.ofSeconds(7));

		assertThat(this.announced).extracting(UpstreamEvent.Retrying::delay)
			.containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
		assertThat(this.calls).hasValue(4);
		assertThat(this.failure).isInstanceOf(UpstreamException.ProviderFailed.class);
	}

	@Test
	void aRetryThatWouldWaitPastTheBoundIsNotMade() {
		retries(3, Duration.ofSeconds(2), Duration.ofSeconds(60))
			.retry(failingTimes(1, rateLimited(Duration.ofMinutes(5))), this.announced::add)
			.subscribe(this.received::add, (error) -> this.failure = error);

		assertThat(this.announced).isEmpty();
		assertThat(this.calls).hasValue(1);
		assertThat(this.failure).isInstanceOf(UpstreamException.RateLimited.class)
			.hasMessageContaining("Try again in 300 s");
	}

	@Test
	void zeroAttemptsNeverTriesAgain() {
		retries(0, Duration.ZERO, Duration.ofSeconds(60))
			.retry(failingTimes(1, providerFailed(null)), this.announced::add)
			.subscribe(this.received::add, (error) -> this.failure = error);

		assertThat(this.calls).hasValue(1);
		assertThat(this.announced).isEmpty();
		assertThat(this.failure).isInstanceOf(UpstreamException.ProviderFailed.class);
	}

	@Test
	void aFailureAfterTheStartIsNeverTriedAgain() {
		retries(3, Duration.ZERO, Duration.ofSeconds(60))
			.retry(Flux.concat(Flux.just("a byte"), Flux.<String>error(new UpstreamException.StreamBroken()))
				.doOnSubscribe((subscription) -> this.calls.incrementAndGet()), this.announced::add)
			.subscribe(this.received::add, (error) -> this.failure = error);

		assertThat(this.calls).hasValue(1);
		assertThat(this.received).containsExactly("a byte");
		assertThat(this.failure).isInstanceOf(UpstreamException.StreamBroken.class);
	}

	private StartRetries retries(int maxAttempts, Duration firstBackoff, Duration maxWait) {
		return new StartRetries(new OpenRouterProperties.Retry(maxAttempts, firstBackoff, maxWait), this.time);
	}

	private Flux<String> failingTimes(int failures, StartRetries.NotStarted failure) {
		return Flux.defer(
				() -> (this.calls.incrementAndGet() <= failures) ? Flux.<String>error(failure) : Flux.just("answer"));
	}

	private static StartRetries.NotStarted providerFailed(Duration retryAfter) {
		return new StartRetries.NotStarted(new UpstreamException.ProviderFailed("HTTP 502"), retryAfter);
	}

	private static StartRetries.NotStarted rateLimited(Duration retryAfter) {
		return new StartRetries.NotStarted(new UpstreamException.RateLimited("slow down", retryAfter), retryAfter);
	}

}
