package dev.ponder.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

import dev.ponder.PonderProperties;
import dev.ponder.conversation.AnswerProgress;
import dev.ponder.conversation.MessageService;

/**
 * Saves every streaming answer that changed, on one timer for the whole instance: each
 * tick writes all of them in one transaction, so that a hundred answers cost one commit a
 * tick rather than a hundred.
 * <p>
 * The writes run on a thread of their own that nothing ever interrupts. Database work
 * must never run on Reactor's workers: Reactor interrupts a worker whose task is
 * cancelled (a disposed {@code Flux.interval}, a cancelled {@code publishOn}), and an
 * interrupt that lands inside H2's file I/O closes the file channel, and with it the
 * whole database.
 */
@Component
class Checkpoints implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(Checkpoints.class);

	/** Stopped after the registry, which still stores the answers it stops. */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1;

	private final Set<Generation> streaming = ConcurrentHashMap.newKeySet();

	// Held while a tick writes: an answer that ends waits for the tick under way, so that
	// a checkpoint never lands after the answer's end.
	private final ReentrantLock writing = new ReentrantLock();

	private final MessageService messages;

	private final ReasoningDetailsJson detailsJson;

	private final AnswerWrites writes;

	private final PonderProperties properties;

	private ScheduledExecutorService ticker;

	Checkpoints(MessageService messages, ReasoningDetailsJson detailsJson, AnswerWrites writes,
			PonderProperties properties) {
		this.messages = messages;
		this.detailsJson = detailsJson;
		this.writes = writes;
		this.properties = properties;
	}

	/** Saves this answer on every tick that finds it changed, until it is forgotten. */
	void watch(Generation generation) {
		this.streaming.add(generation);
	}

	/**
	 * Saves this answer no more, and waits for a tick that may be writing it: what is
	 * written after this returns is the answer's end.
	 */
	void forget(Generation generation) {
		this.streaming.remove(generation);
		this.writing.lock();
		this.writing.unlock();
	}

	/** Writes what changed since the last tick, in one transaction. */
	void tick() {
		this.writing.lock();
		try {
			Map<UUID, AnswerProgress> changed = new LinkedHashMap<>();
			List<Generation> saved = new ArrayList<>();
			for (Generation generation : this.streaming) {
				generation.progressIfChanged(this.detailsJson).ifPresent((progress) -> {
					changed.put(generation.messageId(), progress);
					saved.add(generation);
				});
			}
			if (changed.isEmpty()) {
				return;
			}
			try {
				this.messages.checkpoint(changed);
				this.writes.checkpoints(changed.size());
			}
			catch (RuntimeException ex) {
				saved.forEach(Generation::markChanged);
				logger.warn("Could not checkpoint {} streaming answer(s); will try again", changed.size(), ex);
			}
		}
		finally {
			this.writing.unlock();
		}
	}

	@Override
	public synchronized void start() {
		long interval = this.properties.checkpointInterval().toMillis();
		this.ticker = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("ponder-checkpoints-"));
		this.ticker.scheduleWithFixedDelay(this::tickSafely, interval, interval, TimeUnit.MILLISECONDS);
	}

	private void tickSafely() {
		try {
			tick();
		}
		catch (RuntimeException ex) {
			// An escaping exception would cancel every later tick.
			logger.error("Checkpointing failed", ex);
		}
	}

	/** Lets a tick under way finish its write: an interrupt here could close H2. */
	@Override
	public synchronized void stop() {
		if (this.ticker == null) {
			return;
		}
		this.ticker.shutdown();
		try {
			if (!this.ticker.awaitTermination(30, TimeUnit.SECONDS)) {
				logger.warn("A checkpoint was still being written at shutdown");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.ticker = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.ticker != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
