package dev.ponder.upstream;

import java.time.Duration;
import java.util.function.Consumer;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;

/**
 * Tries again a call that never started: the upstream could not be reached, or it
 * answered 429, 502 or 503 before the first byte of the answer. Such a call generated
 * nothing and cost nothing; a call that failed after a byte of the answer is never tried
 * again (it would be paid for twice), and is never a {@link NotStarted} to begin with.
 * <p>
 * The waits grow from {@code firstBackoff} (Reactor's {@link Retry#backoff}); a longer
 * {@code Retry-After} wins; all the waits of one call stay within {@code maxWait}. Each
 * retry is announced first, so that the person sees why nothing arrives yet.
 */
final class StartRetries {

	private final OpenRouterProperties.Retry settings;

	private final Scheduler timers;

	StartRetries(OpenRouterProperties.Retry settings, Scheduler timers) {
		this.settings = settings;
		this.timers = timers;
	}

	/**
	 * {@code call}, subscribed again after each failure that is a {@link NotStarted},
	 * while attempts and the wait allow; it fails with the last failure's
	 * {@link UpstreamException}, unwrapped.
	 */
	<T> Flux<T> retry(Flux<T> call, Consumer<UpstreamEvent.Retrying> announce) {
		Waited waited = new Waited();
		// Without jitter each wait is the one announced: first, twice that, and so on.
		Retry retry = Retry.backoff(this.settings.maxAttempts(), this.settings.firstBackoff())
			.maxBackoff(this.settings.maxWait())
			.jitter(0)
			.scheduler(this.timers)
			.filter(NotStarted.class::isInstance)
			.doBeforeRetryAsync(
					(signal) -> beforeRetry((NotStarted) signal.failure(), signal.totalRetries(), waited, announce))
			.onRetryExhaustedThrow((spec, signal) -> signal.failure());
		return call.retryWhen(retry).onErrorMap(NotStarted.class, NotStarted::failure);
	}

	/**
	 * Announces retry {@code number + 1} and waits what {@code Retry-After} asks beyond
	 * the backoff; or ends the call when the wait would pass {@code maxWait}.
	 */
	private Mono<Void> beforeRetry(NotStarted failure, long number, Waited waited,
			Consumer<UpstreamEvent.Retrying> announce) {
		Duration backoff = backoff(number);
		Duration wait = (failure.retryAfter() != null && failure.retryAfter().compareTo(backoff) > 0)
				? failure.retryAfter() : backoff;
		if (waited.total.plus(wait).compareTo(this.settings.maxWait()) > 0) {
			return Mono.error(failure);
		}
		waited.total = waited.total.plus(wait);
		announce.accept(new UpstreamEvent.Retrying((int) number + 1, this.settings.maxAttempts(), wait,
				failure.failure().errorCode().code(), failure.failure().getMessage()));
		Duration beyondBackoff = wait.minus(backoff);
		return beyondBackoff.isZero() ? Mono.empty() : Mono.delay(beyondBackoff, this.timers).then();
	}

	/** The wait {@link Retry#backoff} makes before retry {@code number + 1}. */
	private Duration backoff(long number) {
		Duration first = this.settings.firstBackoff();
		Duration max = this.settings.maxWait();
		// Past 2^31 the doubling has long passed any wait this can be set to.
		Duration doubled = (number >= 31) ? max : first.multipliedBy(1L << number);
		return (doubled.compareTo(max) > 0) ? max : doubled;
	}

	private static final class Waited {

		private Duration total = Duration.ZERO;

	}

	/**
	 * A failure before the upstream took the request, which may be tried again.
	 */
	static final class NotStarted extends RuntimeException {

		private final UpstreamException failure;

		private final Duration retryAfter;

		/**
		 * @param failure what to tell the person if it is not tried again
		 * @param retryAfter how long the upstream asked to wait; {@code null} if it did
		 * not say
		 */
		NotStarted(UpstreamException failure, Duration retryAfter) {
			super(failure.getMessage(), failure, false, false);
			this.failure = failure;
			this.retryAfter = retryAfter;
		}

		UpstreamException failure() {
			return this.failure;
		}

		Duration retryAfter() {
			return this.retryAfter;
		}

	}

}
