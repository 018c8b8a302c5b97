package dev.ponder.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStreamCommands.TrimOptions;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

/**
 * What running answers keep in Redis, all keyed by answer, never by conversation:
 * <ul>
 * <li>{@code ponder:answer:{id}:events}, a stream of event batches for readers that join
 * late, capped (MAXLEN) and expiring (its TTL set on every write, shortened once the
 * answer is stored);
 * <li>{@code ponder:answer:{id}:live}, a channel that carries the same batches to readers
 * following live;
 * <li>{@code ponder:answer:{id}:owner}, the instance that runs the answer, kept alive by
 * its heartbeat: an answer without one has lost its owner;
 * <li>{@code ponder:answer:{id}:stop}, a durable stop request, beside a message on
 * {@code ponder:stops} for the owner to act at once.
 * </ul>
 * Every call returns at once: nothing here waits on Redis on the path of a token.
 */
class RedisAnswers {

	/** The channel on which stop requests reach every instance. */
	static final String STOPS = "ponder:stops";

	/** How long an owner's claim lasts unless its heartbeat renews it. */
	static final Duration OWNER_TTL = Duration.ofSeconds(5);

	private static final Duration RUNNING_TTL = Duration.ofHours(1);

	private static final Duration STORED_TTL = Duration.ofMinutes(1);

	/**
	 * Entries kept per answer. Every {@link #FULL_STATE_EVERY}th entry holds the whole
	 * answer so far, so what trimming keeps always starts from a whole state.
	 */
	static final long MAX_ENTRIES = 1000;

	static final long FULL_STATE_EVERY = MAX_ENTRIES / 2;

	private static final String FIELD = "events";

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final ReactiveStringRedisTemplate redis;

	private final ReactiveRedisMessageListenerContainer listeners;

	private final SharedEvents events;

	private final String instance = UUID.randomUUID().toString();

	RedisAnswers(ReactiveStringRedisTemplate redis, ReactiveRedisMessageListenerContainer listeners,
			SharedEvents events) {
		this.redis = redis;
		this.listeners = listeners;
		this.events = events;
	}

	/** This instance, as its answers' owner keys name it. */
	String instance() {
		return this.instance;
	}

	/**
	 * Appends a batch: {@code entry} to the stream (the batch itself, or the whole state
	 * every so often), {@code live} to the channel. Stream first, channel second, on one
	 * connection: a reader that subscribed, then read the stream, misses nothing.
	 */
	Mono<Void> append(UUID answer, List<AnswerEvent> entry, List<AnswerEvent> live, boolean ended) {
		String key = eventsKey(answer);
		return this.redis.opsForStream()
			.add(key, Map.of(FIELD, this.events.write(entry)),
					XAddOptions.trim(TrimOptions.maxLen(MAX_ENTRIES).approximate()))
			.then(this.redis.expire(key, ended ? STORED_TTL : RUNNING_TTL))
			.then(this.redis.convertAndSend(liveChannel(answer), this.events.write(live)))
			.then();
	}

	/**
	 * An answer running on another instance, from the start: subscribes to its channel
	 * first, then reads what the stream holds, then follows live, dropping what the
	 * stream already gave. Completes once the subscription is made and the stream read,
	 * so that a Redis that does not answer is known before a response is started.
	 */
	Mono<Flux<AnswerEvent>> follow(UUID answer) {
		// Bounded: a connection still coming back after Redis restarted must not hold a
		// reader forever.
		return this.listeners.receiveLater(ChannelTopic.of(liveChannel(answer))).timeout(WAIT).flatMap((messages) -> {
			Sinks.Many<AnswerEvent> live = Sinks.many().unicast().onBackpressureBuffer();
			Disposable listening = messages.subscribe(
					(message) -> this.events.read(message.getMessage()).forEach(live::tryEmitNext), live::tryEmitError);
			return this.redis.opsForStream()
				.range(eventsKey(answer), Range.unbounded())
				.collectList()
				.timeout(WAIT)
				.doOnError((failure) -> listening.dispose())
				.map((entries) -> {
					AnswerState state = new AnswerState();
					entries.forEach((entry) -> this.events.read(String.valueOf(entry.getValue().get(FIELD)))
						.forEach(state::apply));
					long seen = state.sequence();
					Flux<AnswerEvent> rest = state.ended() ? Flux.empty()
							: live.asFlux().filter((event) -> event.sequence() > seen);
					return Flux.concat(Flux.fromIterable(state.catchUp()), rest)
						.takeUntil((event) -> event.event().ends())
						.doFinally((signal) -> listening.dispose());
				});
		});
	}

	/** Claims these answers for this instance, for another {@link #OWNER_TTL}. */
	Mono<Void> claim(List<UUID> answers) {
		return Flux.fromIterable(answers)
			.flatMap((answer) -> this.redis.opsForValue().set(ownerKey(answer), this.instance, OWNER_TTL))
			.then();
	}

	/** Which of these answers no instance claims. */
	Mono<List<UUID>> unclaimed(List<UUID> answers) {
		return whoseKey(answers, RedisAnswers::ownerKey, false);
	}

	/** Asks the owner to stop: a durable flag, then a message to act on at once. */
	Mono<Void> requestStop(UUID answer) {
		return this.redis.opsForValue()
			.set(stopKey(answer), "1", RUNNING_TTL)
			.then(this.redis.convertAndSend(STOPS, answer.toString()))
			.then();
	}

	/** Which of these answers someone asked to stop. */
	Mono<List<UUID>> stopsRequested(List<UUID> answers) {
		return whoseKey(answers, RedisAnswers::stopKey, true);
	}

	/** The answers whose key is set ({@code set}), or not, read in one round trip. */
	private Mono<List<UUID>> whoseKey(List<UUID> answers, Function<UUID, String> key, boolean set) {
		if (answers.isEmpty()) {
			return Mono.just(List.of());
		}
		return this.redis.opsForValue().multiGet(answers.stream().map(key).toList()).map((values) -> {
			List<UUID> found = new ArrayList<>();
			for (int i = 0; i < answers.size(); i++) {
				if ((values.get(i) != null) == set) {
					found.add(answers.get(i));
				}
			}
			return found;
		});
	}

	/** Stop requests, as they are made on any instance. */
	Flux<UUID> stops() {
		return this.listeners.receive(ChannelTopic.of(STOPS)).map((message) -> UUID.fromString(message.getMessage()));
	}

	private static String eventsKey(UUID answer) {
		return "ponder:answer:" + answer + ":events";
	}

	private static String liveChannel(UUID answer) {
		return "ponder:answer:" + answer + ":live";
	}

	private static String ownerKey(UUID answer) {
		return "ponder:answer:" + answer + ":owner";
	}

	private static String stopKey(UUID answer) {
		return "ponder:answer:" + answer + ":stop";
	}

	/** The Redis beans of shared answers. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(RedisSettings.SHARED)
	static class Beans {

		/**
		 * While Redis is away, commands fail at once instead of queueing without bound in
		 * the client: the answers on this instance stream on regardless.
		 */
		@Bean
		LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
			return (options) -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
		}

		/**
		 * Tries to reconnect at least every two seconds (Lettuce waits up to 30 s by
		 * default), so that sharing resumes soon after Redis is back.
		 */
		@Bean
		ClientResourcesBuilderCustomizer reconnectSoon() {
			return (resources) -> resources.reconnectDelay(
					Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS));
		}

		@Bean(destroyMethod = "destroy")
		ReactiveRedisMessageListenerContainer redisListeners(ReactiveRedisConnectionFactory connections) {
			return new ReactiveRedisMessageListenerContainer(connections);
		}

		@Bean
		RedisAnswers redisAnswers(ReactiveStringRedisTemplate redis, ReactiveRedisMessageListenerContainer listeners,
				SharedEvents events) {
			return new RedisAnswers(redis, listeners, events);
		}

	}

}
