package dev.ponder.upstream;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Talks to one {@link Endpoint}: OpenRouter or any server that speaks its OpenAI-style
 * API. Streams chat completions and turns the stream into {@link UpstreamEvent}s, and
 * reads the side endpoints {@code /models} and {@code /key}. Failures arrive as
 * {@link UpstreamException}s. {@link UpstreamClients} holds one per endpoint.
 */
public class UpstreamClient {

	private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
	};

	private static final String DONE = "[DONE]";

	/**
	 * The statuses worth trying again: rate limited, the provider failed or none is
	 * available. Each comes before the answer's first byte.
	 */
	private static final Set<Integer> TRIED_AGAIN = Set.of(429, 502, 503);

	/** OpenRouter's model list is over a megabyte; WebClient's default cap is 256 KB. */
	private static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

	private final WebClient webClient;

	private final Endpoint endpoint;

	private final Endpoint.Timeouts timeouts;

	private final JsonMapper jsonMapper;

	private final UpstreamErrors errors;

	private final StreamObserver observer;

	private final UpstreamTimers timers;

	private final StartRetries retries;

	public UpstreamClient(WebClient.Builder webClientBuilder, Endpoint endpoint, JsonMapper jsonMapper,
			StreamObserver observer, UpstreamTimers timers, OpenRouterProperties.Retry retry) {
		this.endpoint = endpoint;
		this.observer = observer;
		this.timers = timers;
		this.retries = new StartRetries(retry, timers.scheduler());
		this.timeouts = endpoint.timeouts();
		this.jsonMapper = jsonMapper;
		this.errors = new UpstreamErrors(jsonMapper, endpoint);
		HttpClient httpClient = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) this.timeouts.connect().toMillis());
		this.webClient = webClientBuilder.clone()
			.baseUrl(endpoint.baseUrl().toString())
			.clientConnector(new ReactorClientHttpConnector(httpClient))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(MAX_BODY_BYTES))
			.build();
	}

	public Endpoint endpoint() {
		return this.endpoint;
	}

	/**
	 * Whether this endpoint can be sent to (OpenRouter needs a key), so that a send can
	 * be refused before anything is stored.
	 */
	public boolean isConfigured() {
		return this.endpoint.canSend();
	}

	/**
	 * Streams one completion. Cancelling the subscription cancels the upstream call. A
	 * call that never started is tried again (see {@link StartRetries}), each time after
	 * an {@link UpstreamEvent.Retrying}. The flux ends with exactly one
	 * {@link UpstreamEvent.Finished}, or with an {@link UpstreamException}.
	 */
	public Flux<UpstreamEvent> stream(ChatRequest request) {
		return this.observer.observe(this.endpoint.name(), request.model(), Flux.defer(() -> {
			if (!this.endpoint.canSend()) {
				return Flux.error(new UpstreamException.MissingKey());
			}
			StreamState state = new StreamState();
			// Retries are announced beside the stream: they happen before its first
			// event.
			Sinks.Many<UpstreamEvent> retries = Sinks.many().unicast().onBackpressureBuffer();
			Flux<UpstreamEvent> answer = this.retries.retry(call(request, state), retries::tryEmitNext)
				.onErrorMap(this::describe)
				.filter((event) -> event.data() != null)
				.takeWhile((event) -> !state.isDone(event.data()))
				// One list per chunk, not a Flux: an inner subscription per chunk costs
				// more
				// than the rest of its parsing. A failure travels in the list as the last
				// step, after the usage its chunk reported.
				.concatMapIterable((event) -> state.accept(parse(event.data())))
				.<UpstreamEvent>handle((step, sink) -> {
					if (step.failure() != null) {
						sink.error(step.failure());
					}
					else {
						sink.next(step.event());
					}
				})
				.concatWith(Flux.defer(() -> Flux.fromIterable(state.finish())))
				.doFinally((signal) -> retries.tryEmitComplete());
			return Flux.merge(retries.asFlux(), answer);
		}));
	}

	/**
	 * One call: the raw events of its answer, each within its timeout. A failure before
	 * the upstream took the request is a {@link StartRetries.NotStarted}, which may be
	 * tried again.
	 */
	private Flux<ServerSentEvent<String>> call(ChatRequest request, StreamState state) {
		Scheduler timers = this.timers.scheduler();
		return this.webClient.post()
			.uri("/chat/completions")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.headers(this::authorize)
			.bodyValue(this.endpoint.isOpenRouter() ? request : request.withReasoningEffort())
			.exchangeToFlux((response) -> events(response, state))
			.timeout(Mono.delay(this.timeouts.firstByte(), timers), (event) -> Mono.delay(this.timeouts.idle(), timers))
			.onErrorMap(this::notConnected);
	}

	/**
	 * The raw body of {@code GET /models}, as the catalog caches it, or the typed error
	 * of a failed call.
	 */
	public Mono<String> models(Duration timeout) {
		return sideCall("/models", timeout);
	}

	/**
	 * What OpenRouter's {@code GET /key} says about the key: usage, limit, credit left.
	 */
	public Mono<KeyInfo> key(Duration timeout) {
		if (!this.endpoint.hasApiKey()) {
			return Mono.error(new UpstreamException.MissingKey());
		}
		return sideCall("/key", timeout).map((body) -> {
			try {
				KeyInfo.Envelope envelope = this.jsonMapper.readValue(body, KeyInfo.Envelope.class);
				if (envelope.data() == null) {
					throw new UpstreamException.ProviderFailed("its /key answer has no data");
				}
				return envelope.data();
			}
			catch (JacksonException ex) {
				throw new UpstreamException.ProviderFailed("its /key answer is not JSON");
			}
		});
	}

	private Mono<String> sideCall(String path, Duration timeout) {
		return this.webClient.get()
			.uri(path)
			.accept(MediaType.APPLICATION_JSON)
			.headers(this::authorize)
			.exchangeToMono((response) -> response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.flatMap((body) -> response.statusCode().isError() ? Mono.error(
						this.errors.fromStatus(response.statusCode().value(), body, response.headers().asHttpHeaders()))
						: Mono.just(body)))
			.timeout(timeout, this.timers.scheduler())
			.onErrorMap(TimeoutException.class,
					(ex) -> new UpstreamException.TimedOut(this.endpoint.displayName() + " did not answer " + path
							+ " within " + timeout.toSeconds() + " s."))
			.onErrorMap(this::describe)
			// There is no stream to break: a connection that fails here failed to reach
			// it.
			.onErrorMap(UpstreamException.StreamBroken.class,
					(ex) -> new UpstreamException.Unreachable(this.endpoint.baseUrl().getHost(),
							this.endpoint.baseUrlVariable()));
	}

	/**
	 * Each endpoint gets its own key and nothing else; OpenRouter also gets the app
	 * attribution.
	 */
	private void authorize(HttpHeaders headers) {
		if (this.endpoint.hasApiKey()) {
			headers.setBearerAuth(this.endpoint.apiKey());
		}
		Endpoint.Attribution attribution = this.endpoint.attribution();
		if (attribution != null) {
			headers.set("HTTP-Referer", attribution.appUrl());
			headers.set("X-Title", attribution.appTitle());
		}
	}

	/**
	 * The raw events of a successful response, comments included, so that keep-alives
	 * reset the silence timeout; or the typed error of a failed one.
	 */
	private Flux<ServerSentEvent<String>> events(ClientResponse response, StreamState state) {
		if (response.statusCode().isError()) {
			int status = response.statusCode().value();
			HttpHeaders headers = response.headers().asHttpHeaders();
			return response.bodyToMono(String.class).defaultIfEmpty("").flatMapMany((body) -> {
				UpstreamException failure = this.errors.fromStatus(status, body, headers);
				return Flux.error(TRIED_AGAIN.contains(status)
						? new StartRetries.NotStarted(failure, UpstreamErrors.retryAfter(headers)) : failure);
			});
		}
		state.generationIdHeader = response.headers().asHttpHeaders().getFirst("X-Generation-Id");
		return response.bodyToFlux(SSE);
	}

	private ChatChunk parse(String data) {
		try {
			return this.jsonMapper.readValue(data, ChatChunk.class);
		}
		catch (JacksonException ex) {
			throw new UpstreamException.ProviderFailed("it sent something that is not a chat completion chunk");
		}
	}

	/**
	 * A connection that could not be made (refused, or not in time) carried no request:
	 * it may be tried again.
	 */
	private Throwable notConnected(Throwable error) {
		if (error instanceof WebClientRequestException request
				&& (request.getMostSpecificCause() instanceof ConnectException
						|| request.getMostSpecificCause() instanceof ConnectTimeoutException)) {
			return new StartRetries.NotStarted((UpstreamException) describe(error), null);
		}
		return error;
	}

	private Throwable describe(Throwable error) {
		if (error instanceof UpstreamException) {
			return error;
		}
		if (error instanceof TimeoutException) {
			return new UpstreamException.TimedOut(
					"The model stopped sending: nothing arrived for " + this.timeouts.idle().toSeconds() + " s (or "
							+ this.timeouts.firstByte().toSeconds() + " s before the first byte).");
		}
		if (error instanceof WebClientRequestException request) {
			Throwable cause = request.getMostSpecificCause();
			if (cause instanceof ConnectTimeoutException) {
				return new UpstreamException.TimedOut("Could not connect to " + this.endpoint.baseUrl().getHost()
						+ " within " + this.timeouts.connect().toSeconds() + " s.");
			}
			if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
				return new UpstreamException.Unreachable(this.endpoint.baseUrl().getHost(),
						this.endpoint.baseUrlVariable());
			}
			return new UpstreamException.StreamBroken();
		}
		if (error instanceof PrematureCloseException || error instanceof IOException
				|| error.getCause() instanceof PrematureCloseException || error.getCause() instanceof IOException) {
			return new UpstreamException.StreamBroken();
		}
		return error;
	}

	/** What one chunk gives: an event, or the failure it reported. */
	private record Step(UpstreamEvent event, UpstreamException failure) {

		static Step of(UpstreamEvent event) {
			return new Step(event, null);
		}

	}

	/**
	 * What one stream has said so far: the normaliser's state and the last generation id,
	 * provider, finish reason and usage, which arrive in different chunks.
	 */
	private final class StreamState {

		private final ReasoningNormaliser normaliser = new ReasoningNormaliser();

		private String generationIdHeader;

		private String generationId;

		private String provider;

		private String model;

		private String finishReason;

		private String nativeFinishReason;

		private Usage usage;

		private boolean done;

		/** Whether this event is {@code [DONE]}, the end of the stream; remembers it. */
		boolean isDone(String data) {
			this.done = DONE.equals(data.strip());
			return this.done;
		}

		/**
		 * What one chunk adds. The usage of an error chunk is reported before its error:
		 * a failed answer on a paid model still costs what it cost.
		 */
		List<Step> accept(ChatChunk chunk) {
			List<Step> steps = new ArrayList<>();
			if (chunk.usage() != null) {
				this.usage = chunk.usage();
				steps.add(Step.of(new UpstreamEvent.UsageReported(chunk.usage())));
			}
			if (chunk.isError()) {
				steps.add(new Step(null, UpstreamClient.this.errors.fromChunk(chunk)));
				return steps;
			}
			this.generationId = firstNonNull(chunk.id(), this.generationId);
			this.provider = firstNonNull(chunk.provider(), this.provider);
			this.model = firstNonNull(chunk.model(), this.model);
			Choice choice = chunk.firstChoice();
			if (choice != null && choice.finishReason() != null) {
				this.finishReason = choice.finishReason();
				this.nativeFinishReason = choice.nativeFinishReason();
			}
			this.normaliser.accept(chunk).forEach((event) -> steps.add(Step.of(event)));
			return steps;
		}

		/**
		 * A stream that ends without {@code [DONE]} and without a finish reason was cut
		 * off, whether or not the transport noticed: some servers close cleanly after a
		 * crash. {@code [DONE]} after a clean read is a complete answer even when no
		 * finish reason came (some servers never send one); its reason stays unknown.
		 */
		List<UpstreamEvent> finish() {
			if (this.finishReason == null && !this.done) {
				throw new UpstreamException.StreamBroken();
			}
			if ("error".equals(this.finishReason)) {
				throw new UpstreamException.ProviderFailed("it ended the answer with an error");
			}
			List<UpstreamEvent> events = new ArrayList<>(this.normaliser.finish());
			events.add(new UpstreamEvent.Finished(firstNonNull(this.generationId, this.generationIdHeader),
					this.provider, this.model, this.finishReason, this.nativeFinishReason, this.usage));
			return events;
		}

		private static <T> T firstNonNull(T first, T second) {
			return (first != null) ? first : second;
		}

	}

}
