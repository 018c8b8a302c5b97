package dev.ponder.openrouter;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Streams chat completions from OpenRouter or any server that speaks its OpenAI-style
 * API, and turns the stream into {@link UpstreamEvent}s. Failures arrive as
 * {@link UpstreamException}s.
 */
@Component
public class OpenRouterClient {

	private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
	};

	private static final String DONE = "[DONE]";

	private final WebClient webClient;

	private final OpenRouterProperties properties;

	private final JsonMapper jsonMapper;

	private final UpstreamErrors errors;

	public OpenRouterClient(WebClient.Builder webClientBuilder, OpenRouterProperties properties,
			JsonMapper jsonMapper) {
		this.properties = properties;
		this.jsonMapper = jsonMapper;
		this.errors = new UpstreamErrors(jsonMapper, properties.apiKey());
		HttpClient httpClient = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis());
		this.webClient = webClientBuilder.clone()
			.baseUrl(properties.baseUrl().toString())
			.clientConnector(new ReactorClientHttpConnector(httpClient))
			.build();
	}

	/**
	 * Whether a key is configured, so that a send can be refused before anything is
	 * stored.
	 */
	public boolean isConfigured() {
		return this.properties.hasApiKey();
	}

	/**
	 * Streams one completion. Cancelling the subscription cancels the upstream call. The
	 * flux ends with exactly one {@link UpstreamEvent.Finished}, or with an
	 * {@link UpstreamException}.
	 */
	public Flux<UpstreamEvent> stream(ChatRequest request) {
		return Flux.defer(() -> {
			if (!this.properties.hasApiKey()) {
				return Flux.error(new UpstreamException.MissingKey());
			}
			StreamState state = new StreamState();
			return this.webClient.post()
				.uri("/chat/completions")
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.TEXT_EVENT_STREAM)
				.headers((headers) -> {
					headers.setBearerAuth(this.properties.apiKey());
					headers.set("HTTP-Referer", this.properties.appUrl());
					headers.set("X-Title", this.properties.appTitle());
				})
				.bodyValue(request)
				.exchangeToFlux((response) -> events(response, state))
				.timeout(Mono.delay(this.properties.firstByteTimeout()),
						(event) -> Mono.delay(this.properties.idleTimeout()))
				.onErrorMap(this::describe)
				.filter((event) -> event.data() != null)
				.takeWhile((event) -> !DONE.equals(event.data().strip()))
				.concatMapIterable((event) -> state.accept(parse(event.data())))
				.concatWith(Flux.defer(() -> Flux.fromIterable(state.finish())));
		});
	}

	/**
	 * The raw events of a successful response, comments included, so that keep-alives
	 * reset the silence timeout; or the typed error of a failed one.
	 */
	private Flux<ServerSentEvent<String>> events(ClientResponse response, StreamState state) {
		if (response.statusCode().isError()) {
			return response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.flatMapMany((body) -> Flux.error(this.errors.fromStatus(response.statusCode().value(), body,
						response.headers().asHttpHeaders())));
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

	private Throwable describe(Throwable error) {
		if (error instanceof UpstreamException) {
			return error;
		}
		if (error instanceof TimeoutException) {
			return new UpstreamException.TimedOut("The model stopped sending: nothing arrived for "
					+ this.properties.idleTimeout().toSeconds() + " s (or "
					+ this.properties.firstByteTimeout().toSeconds() + " s before the first byte).");
		}
		if (error instanceof WebClientRequestException request) {
			Throwable cause = request.getMostSpecificCause();
			if (cause instanceof ConnectTimeoutException) {
				return new UpstreamException.TimedOut("Could not connect to " + this.properties.baseUrl().getHost()
						+ " within " + this.properties.connectTimeout().toSeconds() + " s.");
			}
			if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
				return new UpstreamException.Unreachable(this.properties.baseUrl().getHost());
			}
			return new UpstreamException.StreamBroken();
		}
		if (error instanceof PrematureCloseException || error instanceof IOException
				|| error.getCause() instanceof PrematureCloseException || error.getCause() instanceof IOException) {
			return new UpstreamException.StreamBroken();
		}
		return error;
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

		List<UpstreamEvent> accept(ChatChunk chunk) {
			if (chunk.isError()) {
				throw OpenRouterClient.this.errors.fromChunk(chunk);
			}
			this.generationId = firstNonNull(chunk.id(), this.generationId);
			this.provider = firstNonNull(chunk.provider(), this.provider);
			this.model = firstNonNull(chunk.model(), this.model);
			this.usage = firstNonNull(chunk.usage(), this.usage);
			Choice choice = chunk.firstChoice();
			if (choice != null && choice.finishReason() != null) {
				this.finishReason = choice.finishReason();
				this.nativeFinishReason = choice.nativeFinishReason();
			}
			return this.normaliser.accept(chunk);
		}

		/**
		 * A stream that ends without a finish reason was cut off, whether or not the
		 * transport noticed: some servers close cleanly after a crash.
		 */
		List<UpstreamEvent> finish() {
			if (this.finishReason == null) {
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
