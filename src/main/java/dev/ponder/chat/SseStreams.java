package dev.ponder.chat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import reactor.core.publisher.Flux;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Every open Server-Sent Events stream of this instance, written by a small pool of
 * writer threads and kept alive by one timer for all of them.
 * <p>
 * Writing to a client blocks, so it never happens on Netty's threads, where the
 * upstream's deltas arrive. A few writers serve hundreds of streams because a stream that
 * falls behind gets what piled up in one write (see {@link SseConnection}).
 */
@Component
public class SseStreams implements DisposableBean {

	/** A comment now and then keeps proxies from closing a quiet stream. */
	private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

	private static final int WRITERS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

	private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS,
			new CustomizableThreadFactory("ponder-sse-"));

	private final ScheduledExecutorService keepAlive = Executors
		.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("ponder-sse-keep-alive-"));

	private final Set<SseConnection> open = ConcurrentHashMap.newKeySet();

	SseStreams() {
		long period = KEEP_ALIVE.toNanos();
		this.keepAlive.scheduleAtFixedRate(() -> {
			long now = System.nanoTime();
			this.open.forEach((connection) -> connection.keepAliveIfIdle(now, period));
		}, period, period, TimeUnit.NANOSECONDS);
	}

	/** A response that streams these frames to the reader until they end. */
	public ResponseEntity<SseEmitter> open(Flux<SseFrame> frames) {
		SseConnection connection = new SseConnection(this.writers, this.open::remove);
		this.open.add(connection);
		connection.stream(frames);
		return ResponseEntity.ok()
			.contentType(MediaType.TEXT_EVENT_STREAM)
			.header(HttpHeaders.CACHE_CONTROL, "no-cache")
			// Tells nginx not to buffer the stream, which would hold every token until
			// the end.
			.header("X-Accel-Buffering", "no")
			.body(connection.emitter());
	}

	@Override
	public void destroy() {
		this.keepAlive.shutdown();
		// Never shutdownNow(): interrupting a writer mid-write gains nothing.
		this.writers.shutdown();
	}

}
