package dev.ponder.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

import dev.ponder.conversation.Turn;
import dev.ponder.problem.ErrorCode;
import dev.ponder.upstream.UpstreamEvent;
import dev.ponder.upstream.UpstreamException;

/**
 * Keeps running generations in this instance's memory. Each runs on its own subscription
 * to the upstream, checkpoints on a timer, and is stored when it ends, whoever is
 * listening.
 */
@Component
class InMemoryGenerationRegistry implements GenerationRegistry, SmartLifecycle {

	/** How long a shutdown waits for stopped answers to be stored. */
	private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

	private static final int ENDING_THREADS = 4;

	private static final Logger logger = LoggerFactory.getLogger(InMemoryGenerationRegistry.class);

	private final Map<UUID, Generation> generations = new ConcurrentHashMap<>();

	private final AnswerRecorder recorder;

	private final Checkpoints checkpoints;

	private final AnswerWrites writes;

	/**
	 * Stores the ends of answers: a few at once, on threads that nothing interrupts, and
	 * that a shutdown waits for.
	 */
	private volatile ExecutorService ends = endingThreads();

	private final Clock clock;

	private volatile boolean started;

	InMemoryGenerationRegistry(AnswerRecorder recorder, Checkpoints checkpoints, AnswerWrites writes, Clock clock) {
		this.recorder = recorder;
		this.checkpoints = checkpoints;
		this.writes = writes;
		this.clock = clock;
	}

	@Override
	public Flux<AnswerEvent> start(Turn turn, String model, Flux<UpstreamEvent> upstream) {
		return run(new Generation(turn, model, this.clock), upstream);
	}

	@Override
	public Flux<AnswerEvent> startRelay(Turn turn, RelayRun relay) {
		Generation generation = new Generation(turn, relay.answererModel(), relay.thinkerModel(), this.clock);
		Flux<UpstreamEvent> thinking = Flux.defer(() -> {
			generation.stage("thinking", relay.thinkerModel());
			return relay.thinker();
		})
			.onErrorMap(UpstreamException.class, (cause) -> new RelayThinkerFailed(relay.thinkerModel(), cause))
			.doOnNext(generation::acceptThinker)
			.filter((event) -> false);
		Flux<UpstreamEvent> answering = Flux.defer(() -> {
			generation.stage("answering", relay.answererModel());
			return relay.answerer().apply(generation.reasoningText());
		});
		return run(generation, thinking.concatWith(answering));
	}

	private Flux<AnswerEvent> run(Generation generation, Flux<UpstreamEvent> upstream) {
		this.generations.put(generation.messageId(), generation);
		// Joined before the upstream is asked: the starter misses nothing, however fast
		// the first tokens come. Nobody listening only costs a buffer until the end.
		Flux<AnswerEvent> starterEvents = generation.events();
		this.checkpoints.watch(generation);
		// Stopping completes the stop signal, which cancels the upstream call and
		// completes this chain normally: the answer is then stored as stopped. The end is
		// stored on a thread of ours, never on Netty's (it blocks) nor Reactor's (it may
		// be interrupted, see Checkpoints).
		upstream.takeUntilOther(generation.stopSignal())
			.subscribe(generation::accept, (failure) -> storeEnd(generation, failure),
					() -> storeEnd(generation, null));
		return starterEvents;
	}

	private void storeEnd(Generation generation, Throwable failure) {
		try {
			this.ends.execute(() -> finish(generation, failure));
		}
		catch (RejectedExecutionException ex) {
			// Stopped meanwhile (a shutdown that waited its fill): store it here rather
			// than not at all.
			finish(generation, failure);
		}
	}

	private static ExecutorService endingThreads() {
		return Executors.newFixedThreadPool(ENDING_THREADS, new CustomizableThreadFactory("ponder-answer-end-"));
	}

	/**
	 * Stores the answer once, then gives every subscriber its last event; only then does
	 * the generation leave the map, so an attach in between still sees the whole of it.
	 */
	private void finish(Generation generation, Throwable failure) {
		this.checkpoints.forget(generation);
		generation.end(storeEnding(generation, failure));
		this.generations.remove(generation.messageId());
	}

	private GenerationEvent storeEnding(Generation generation, Throwable failure) {
		try {
			GenerationEvent ending = this.recorder.finish(generation, failure);
			this.writes.end();
			return ending;
		}
		catch (RuntimeException ex) {
			logger.error("Could not store the end of answer {}", generation.messageId(), ex);
			return new GenerationEvent.Error(ErrorCode.STORAGE_FAILED,
					"The answer could not be saved. What you see was not stored; copy what you need.");
		}
	}

	@Override
	public Optional<Flux<AnswerEvent>> attach(UUID messageId) {
		return Optional.ofNullable(this.generations.get(messageId)).map(Generation::events);
	}

	@Override
	public boolean stop(UUID messageId) {
		Generation generation = this.generations.get(messageId);
		if (generation == null) {
			return false;
		}
		generation.requestStop();
		return true;
	}

	@Override
	public int running() {
		return this.generations.size();
	}

	/** The answers running on this instance now. */
	List<UUID> runningAnswers() {
		return List.copyOf(this.generations.keySet());
	}

	@Override
	public void start() {
		// A stopped context may be started again (Spring's tests pause cached contexts).
		if (this.ends.isShutdown()) {
			this.ends = endingThreads();
		}
		this.started = true;
	}

	/**
	 * On shutdown, answers in flight are stopped and stored as {@code STOPPED} with what
	 * had arrived, and their listeners get the {@code done} event. This runs before the
	 * web server's graceful shutdown, whose wait for open requests would otherwise sit
	 * out every open stream.
	 */
	@Override
	public void stop() {
		this.started = false;
		List<CompletableFuture<Void>> ending = inFlight().stream().map((generation) -> {
			generation.requestStop();
			return generation.ended();
		}).toList();
		try {
			CompletableFuture.allOf(ending.toArray(CompletableFuture[]::new))
				.get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.warn("Not every answer in flight was stored before shutdown; the next start marks them failed");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		// Never shutdownNow(): an interrupt inside a write could close H2's file.
		this.ends.shutdown();
	}

	private List<Generation> inFlight() {
		return List.copyOf(this.generations.values());
	}

	@Override
	public boolean isRunning() {
		return this.started;
	}

}
