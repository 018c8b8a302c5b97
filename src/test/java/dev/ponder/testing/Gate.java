package dev.ponder.testing;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A point in a {@link Script} where the stream stops until the test opens it.
 * <p>
 * It works both ways, so a test never needs to sleep: {@link #awaitReached()} tells the
 * test that everything before the gate has been written and flushed, and {@link #open()}
 * lets the rest of the stream go.
 */
public final class Gate {

	private final CountDownLatch reached = new CountDownLatch(1);

	private final AtomicBoolean open = new AtomicBoolean();

	// An empty sink replays its completion, so a stream that reaches an already open gate
	// goes straight through.
	private final Sinks.Empty<Void> opened = Sinks.empty();

	/** Lets every stream waiting at this gate, now or later, carry on. */
	public void open() {
		if (this.open.compareAndSet(false, true)) {
			this.opened.tryEmitEmpty();
		}
	}

	public boolean isOpen() {
		return this.open.get();
	}

	/**
	 * Whether a stream has written everything before this gate and is now waiting at it.
	 */
	public boolean isReached() {
		return this.reached.getCount() == 0;
	}

	/**
	 * Waits until a stream reaches this gate, for at most {@link FakeUpstream#TIMEOUT}.
	 */
	public void awaitReached() {
		awaitReached(FakeUpstream.TIMEOUT);
	}

	/** Waits until a stream reaches this gate, failing the test after {@code timeout}. */
	public void awaitReached(Duration timeout) {
		if (!Waiting.await(this.reached, timeout)) {
			throw new AssertionError("No stream reached the gate within " + timeout.toMillis() + " ms");
		}
	}

	/** Marks the gate reached on subscription and completes once it is open. */
	Mono<Void> pass() {
		return Mono.defer(() -> {
			this.reached.countDown();
			return this.opened.asMono();
		});
	}

}
