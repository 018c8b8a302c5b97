package dev.ponder.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Primary;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

import dev.ponder.conversation.MessageService;
import dev.ponder.conversation.MessageStatus;
import dev.ponder.conversation.Turn;
import dev.ponder.problem.ErrorCode;
import dev.ponder.upstream.UpstreamEvent;

/**
 * Running answers shared by several instances through Redis. Each answer runs where it
 * was started, in that instance's {@link InMemoryGenerationRegistry}, and its readers
 * there read it from memory, Redis or no Redis; its events are also copied into Redis,
 * where readers on other instances follow them, and from where stop requests reach it.
 * <p>
 * A heartbeat every {@link #HEARTBEAT} renews this instance's claim on its answers and
 * picks up stop requests that a lost message did not deliver; it also fails the answers
 * whose owner stopped renewing its claim (killed, or cut off), so that nobody waits for a
 * dead instance to come back. PostgreSQL stays the only record: losing Redis loses no
 * stored answer.
 */
@Primary
@Component
@ConditionalOnBooleanProperty(RedisSettings.SHARED)
class SharedGenerationRegistry implements GenerationRegistry, SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(SharedGenerationRegistry.class);

	static final Duration HEARTBEAT = Duration.ofSeconds(1);

	/**
	 * How long an answer must stay unclaimed before it is failed: longer than a
	 * heartbeat, so that an answer just started, or claims lost with a restarted Redis,
	 * are claimed again first.
	 */
	static final Duration ORPHAN_GRACE = Duration.ofSeconds(3);

	private static final Duration REDIS_WAIT = Duration.ofSeconds(2);

	private final InMemoryGenerationRegistry local;

	private final RedisAnswers redis;

	private final MessageService messages;

	private final Clock clock;

	private final RedisOutage outage = new RedisOutage();

	private final Map<UUID, SharedAnswerOutbox> outboxes = new ConcurrentHashMap<>();

	private final Map<UUID, Instant> unclaimedSince = new ConcurrentHashMap<>();

	private ScheduledExecutorService heartbeat;

	private Disposable stopRequests;

	SharedGenerationRegistry(InMemoryGenerationRegistry local, RedisAnswers redis, MessageService messages,
			Clock clock) {
		this.local = local;
		this.redis = redis;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public Flux<AnswerEvent> start(Turn turn, String model, Flux<UpstreamEvent> upstream) {
		Flux<AnswerEvent> events = this.local.start(turn, model, upstream);
		share(turn.assistantMessageId());
		return events;
	}

	@Override
	public Flux<AnswerEvent> startRelay(Turn turn, RelayRun run) {
		Flux<AnswerEvent> events = this.local.startRelay(turn, run);
		share(turn.assistantMessageId());
		return events;
	}

	private void share(UUID answer) {
		this.redis.claim(List.of(answer)).subscribe(null, this.outage::failed);
		SharedAnswerOutbox outbox = new SharedAnswerOutbox(answer, this.redis, this.outage);
		this.outboxes.put(answer, outbox);
		this.local.attach(answer).ifPresent((events) -> events.subscribe(outbox::accept));
	}

	/**
	 * From memory when it runs here; through Redis when it streams elsewhere (by what is
	 * stored, not by its owner's claim, which may lapse for a moment while Redis comes
	 * back; an owner that is gone for good is found by the heartbeat, whose error event
	 * ends the reader's stream); otherwise it is not running, and the caller replays it
	 * from storage.
	 */
	@Override
	public Optional<Flux<AnswerEvent>> attach(UUID messageId) {
		Optional<Flux<AnswerEvent>> here = this.local.attach(messageId);
		if (here.isPresent()) {
			return here;
		}
		if (!streamingElsewhere(messageId)) {
			return Optional.empty();
		}
		Flux<AnswerEvent> remote;
		try {
			remote = this.redis.follow(messageId).block(REDIS_WAIT.multipliedBy(5));
		}
		catch (RuntimeException ex) {
			this.outage.failed(ex);
			throw new LiveAnswersUnavailableException(ex);
		}
		return Optional.of(remote.onErrorResume((failure) -> {
			// Redis went away midway: the answer's end is in storage once it comes.
			this.outage.failed(failure);
			return Flux.just(new AnswerEvent(Long.MAX_VALUE,
					new GenerationEvent.Error(ErrorCode.LIVE_ANSWERS_UNAVAILABLE,
							"Lost the connection to the instance writing this answer. It is saved when it ends; "
									+ "reload to see it.")));
		}));
	}

	@Override
	public boolean stop(UUID messageId) {
		if (this.local.stop(messageId)) {
			return true;
		}
		if (!streamingElsewhere(messageId)) {
			return false;
		}
		try {
			this.redis.requestStop(messageId).block(REDIS_WAIT);
			return true;
		}
		catch (RuntimeException ex) {
			this.outage.failed(ex);
			throw new LiveAnswersUnavailableException(ex);
		}
	}

	private boolean streamingElsewhere(UUID messageId) {
		return this.messages.find(messageId).filter((answer) -> answer.status() == MessageStatus.STREAMING).isPresent();
	}

	@Override
	public int running() {
		return this.local.running();
	}

	/** Renews claims, takes up stop requests, and fails answers whose owner is gone. */
	void beat() {
		List<UUID> mine = this.local.runningAnswers();
		try {
			this.redis.claim(mine).block(REDIS_WAIT);
			List<UUID> stopped = this.redis.stopsRequested(mine).block(REDIS_WAIT);
			if (stopped != null) {
				stopped.forEach(this.local::stop);
			}
			failOrphans(mine);
			this.outboxes.values().forEach(SharedAnswerOutbox::retry);
			this.outage.succeeded();
		}
		catch (RuntimeException ex) {
			// Without Redis nobody can tell a dead owner from a lost claim: fail nothing.
			this.outage.failed(ex);
			this.unclaimedSince.clear();
		}
		Set<UUID> running = Set.copyOf(mine);
		this.outboxes.entrySet().removeIf((entry) -> !running.contains(entry.getKey()) && entry.getValue().done());
	}

	private void failOrphans(List<UUID> mine) {
		List<UUID> elsewhere = new ArrayList<>(this.messages.streamingAnswers());
		elsewhere.removeAll(mine);
		List<UUID> unclaimed = Objects.requireNonNullElse(this.redis.unclaimed(elsewhere).block(REDIS_WAIT), List.of());
		Instant now = this.clock.instant();
		this.unclaimedSince.keySet().retainAll(unclaimed);
		List<UUID> orphans = new ArrayList<>();
		for (UUID answer : unclaimed) {
			Instant since = this.unclaimedSince.computeIfAbsent(answer, (key) -> now);
			if (!now.isBefore(since.plus(ORPHAN_GRACE))) {
				orphans.add(answer);
			}
		}
		if (orphans.isEmpty()) {
			return;
		}
		for (UUID answer : this.messages.failInterrupted(orphans)) {
			logger.warn("Answer {} lost the instance writing it; stored as failed (interrupted) with its last "
					+ "checkpoint", answer);
			this.unclaimedSince.remove(answer);
			this.messages.find(answer).ifPresent((stored) -> {
				// Numbered past anything its owner sent: every reader takes it.
				List<AnswerEvent> ending = List.of(new AnswerEvent(Long.MAX_VALUE, AnswerRecorder.ending(stored)));
				this.redis.append(answer, ending, ending, true).block(REDIS_WAIT);
			});
		}
	}

	private void beatSafely() {
		try {
			beat();
		}
		catch (RuntimeException ex) {
			// An escaping exception would cancel every later beat.
			logger.error("The heartbeat of shared answers failed", ex);
		}
	}

	@Override
	public synchronized void start() {
		this.heartbeat = Executors
			.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("ponder-shared-answers-"));
		this.heartbeat.scheduleWithFixedDelay(this::beatSafely, 0, HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
		// Resubscribed after Redis comes back; the heartbeat covers what was missed.
		this.stopRequests = this.redis.stops()
			.doOnError(this.outage::failed)
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(5)))
			.subscribe(this.local::stop);
		logger.info("Running answers are shared with other instances through Redis (instance {})",
				this.redis.instance());
	}

	@Override
	public synchronized void stop() {
		if (this.stopRequests != null) {
			this.stopRequests.dispose();
		}
		if (this.heartbeat != null) {
			// Never shutdownNow(): the beat writes to the database.
			this.heartbeat.shutdown();
			try {
				this.heartbeat.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.heartbeat = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.heartbeat != null;
	}

	/** Stops before this instance's answers are stopped and stored. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
