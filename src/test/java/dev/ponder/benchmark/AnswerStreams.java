package dev.ponder.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Reads many answer streams at once over one connection pool big enough for all of them,
 * each stream bounded in time, the same way whether it comes straight from the
 * {@link StampingUpstream} or through Ponder.
 */
final class AnswerStreams implements AutoCloseable {

	static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
	};

	private final ConnectionProvider connections;

	private final WebClient client;

	private final int expectedDeltas;

	private final Duration timeout;

	private final StampingUpstream upstream;

	AnswerStreams(StampingUpstream upstream, int maxStreams, Duration timeout) {
		this.connections = ConnectionProvider.builder("benchmark")
			.maxConnections(maxStreams + 16)
			.pendingAcquireMaxCount(4 * maxStreams + 64)
			.pendingAcquireTimeout(timeout)
			.build();
		this.client = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(this.connections)))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build();
		this.upstream = upstream;
		this.expectedDeltas = upstream.shape().deltas();
		this.timeout = timeout;
	}

	WebClient client() {
		return this.client;
	}

	/**
	 * Starts {@code answers} streams evenly over {@code spread} (all at once for zero),
	 * the {@code i}th by {@code request.apply(i)} (an error where that is {@code null}),
	 * and returns once all have ended.
	 */
	RunResult run(int answers, Duration spread, IntFunction<WebClient.RequestHeadersSpec<?>> request) {
		return runFollowing(answers, spread, (i) -> {
			WebClient.RequestHeadersSpec<?> spec = request.apply(i);
			return (spec != null) ? Mono.just(spec) : null;
		});
	}

	/**
	 * As {@link #run}, where the stream to read is known only once a first request has
	 * answered (an answer started on one instance, read on another): each answer's clock
	 * starts before that first request, as a reader's would.
	 */
	RunResult runFollowing(int answers, Duration spread, IntFunction<Mono<WebClient.RequestHeadersSpec<?>>> request) {
		this.upstream.takeMostOpenStreams();
		Duration driverCpuBefore = ownCpu();
		long start = System.nanoTime();
		List<AnswerProbe> probes = Flux.range(0, answers)
			.flatMap((i) -> Mono.delay(spread.multipliedBy(i).dividedBy(answers)).then(read(() -> request.apply(i))),
					answers)
			.collectList()
			.block(this.timeout.plus(spread).plusSeconds(30));
		return new RunResult(probes, this.expectedDeltas, start, ownCpu().minus(driverCpuBefore),
				this.upstream.takeMostOpenStreams());
	}

	/** This JVM's CPU time: the upstream's and the readers' work. */
	private static Duration ownCpu() {
		return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
	}

	private Mono<AnswerProbe> read(Supplier<Mono<WebClient.RequestHeadersSpec<?>>> request) {
		return Mono.defer(() -> {
			AnswerProbe probe = new AnswerProbe(this.expectedDeltas, System.nanoTime());
			Mono<WebClient.RequestHeadersSpec<?>> spec = request.get();
			if (spec == null) {
				return Mono.just(probe.failed("not sent: Ponder could not create its conversation"));
			}
			return spec
				.flatMapMany((headers) -> headers.exchangeToFlux((response) -> response.statusCode().is2xxSuccessful()
						? response.bodyToFlux(SSE)
						: response.bodyToMono(String.class)
							.defaultIfEmpty("")
							.flatMapMany((body) -> Flux.error(
									new IllegalStateException("HTTP " + response.statusCode().value() + " " + body)))))
				.doOnNext(probe::accept)
				.then(Mono.fromSupplier(probe::ended))
				.timeout(this.timeout)
				.onErrorResume((failure) -> Mono.just(probe.failed(describe(failure))));
		});
	}

	private String describe(Throwable failure) {
		if (failure instanceof TimeoutException) {
			return "no end within " + this.timeout.toSeconds() + " s";
		}
		return failure.getClass().getSimpleName() + ": " + failure.getMessage();
	}

	@Override
	public void close() {
		this.connections.disposeLater().block(Duration.ofSeconds(10));
	}

}
