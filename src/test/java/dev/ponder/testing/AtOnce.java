package dev.ponder.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Calls released together, each on a thread of its own, as requests that arrive at the
 * same moment.
 */
public final class AtOnce {

	private AtOnce() {
	}

	/** The results of the calls, in their order. */
	public static <T> List<T> call(List<Supplier<T>> calls) {
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<T>> running = new ArrayList<>();
		for (Supplier<T> call : calls) {
			running.add(CompletableFuture.supplyAsync(() -> {
				Waiting.await(start, Duration.ofSeconds(10));
				return call.get();
			}));
		}
		start.countDown();
		List<T> results = new ArrayList<>();
		try {
			for (CompletableFuture<T> call : running) {
				results.add(call.get(60, TimeUnit.SECONDS));
			}
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return results;
	}

}
