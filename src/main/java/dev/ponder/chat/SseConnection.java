package dev.ponder.chat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One reader's Server-Sent Events stream: frames are queued as they come, on whatever
 * thread they come, and written by one writer task at a time. A reader that keeps up gets
 * each frame as it comes; one that falls behind gets everything that piled up in one
 * write and one flush, instead of a write, a flush and a thread hand-off per token.
 */
final class SseConnection {

	private static final Logger logger = LoggerFactory.getLogger(SseConnection.class);

	private static final MediaType UTF8_TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

	private final SseEmitter emitter = new SseEmitter();

	private final Executor writers;

	private final Consumer<SseConnection> onClose;

	private final Queue<SseFrame> pending = new ConcurrentLinkedQueue<>();

	// How many times the writer was asked for since it last ran dry: the writer keeps
	// going while this is not zero, so frames queued during a write are never stranded.
	private final AtomicInteger asked = new AtomicInteger();

	private final Disposable.Swap subscription = Disposables.swap();

	private volatile boolean allQueued;

	private volatile boolean closed;

	private volatile long lastWriteNanos = System.nanoTime();

	SseConnection(Executor writers, Consumer<SseConnection> onClose) {
		this.writers = writers;
		this.onClose = onClose;
		this.emitter.onCompletion(this::close);
		this.emitter.onTimeout(this::close);
		this.emitter.onError((failure) -> close());
	}

	SseEmitter emitter() {
		return this.emitter;
	}

	/** Writes these frames until they end or the reader goes away. */
	void stream(Flux<SseFrame> frames) {
		this.subscription.update(frames.subscribe(this::send, this::failed, this::end));
	}

	/** Sends a keep-alive comment when nothing was written for {@code idleNanos}. */
	void keepAliveIfIdle(long now, long idleNanos) {
		if (now - this.lastWriteNanos >= idleNanos) {
			send(SseFrame.KEEP_ALIVE);
		}
	}

	private void send(SseFrame frame) {
		this.pending.offer(frame);
		askWriter();
	}

	private void end() {
		this.allQueued = true;
		askWriter();
	}

	private void failed(Throwable failure) {
		logger.error("An answer's events failed; the stream is ended", failure);
		end();
	}

	private void askWriter() {
		if (this.asked.getAndIncrement() == 0) {
			this.writers.execute(this::write);
		}
	}

	private void write() {
		int missed = 1;
		do {
			String text = takeAll();
			if (text != null && !this.closed) {
				writeNow(text);
			}
			if (this.allQueued && this.pending.isEmpty() && !this.closed) {
				this.closed = true;
				this.emitter.complete();
				this.onClose.accept(this);
			}
			missed = this.asked.addAndGet(-missed);
		}
		while (missed != 0);
	}

	private String takeAll() {
		SseFrame first = this.pending.poll();
		if (first == null) {
			return null;
		}
		SseFrame next = this.pending.poll();
		if (next == null) {
			return first.text();
		}
		StringBuilder text = new StringBuilder(first.text()).append(next.text());
		for (SseFrame more = this.pending.poll(); more != null; more = this.pending.poll()) {
			text.append(more.text());
		}
		return text.toString();
	}

	private void writeNow(String text) {
		try {
			this.emitter.send(Set.of(new DataWithMediaType(text, UTF8_TEXT)));
			this.lastWriteNanos = System.nanoTime();
		}
		catch (IOException | IllegalStateException ex) {
			// The reader went away (or the request ended): the answer runs on without it.
			close();
		}
	}

	private void close() {
		this.closed = true;
		this.pending.clear();
		this.subscription.dispose();
		this.onClose.accept(this);
	}

}
