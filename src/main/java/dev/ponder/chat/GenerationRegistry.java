package dev.ponder.chat;

import java.util.Optional;
import java.util.UUID;

import reactor.core.publisher.Flux;

import dev.ponder.conversation.Turn;
import dev.ponder.upstream.UpstreamEvent;

/**
 * Where running answers live, apart from the requests that started them. This is the only
 * way in: a later version fans events out across instances, so nothing may reach behind
 * it.
 */
public interface GenerationRegistry {

	/**
	 * Starts generating the answer of {@code turn} from {@code upstream}; it runs, is
	 * checkpointed and is stored whether or not anyone listens. Returns its events for
	 * whoever started it, subscribed before the upstream is: every one, as it came.
	 */
	Flux<AnswerEvent> start(Turn turn, String model, Flux<UpstreamEvent> upstream);

	/**
	 * Starts a relayed answer: the thinker's reasoning first, then the answerer, given
	 * that reasoning. If the thinker fails the answerer is never called. Returns its
	 * events as {@link #start} does.
	 */
	Flux<AnswerEvent> startRelay(Turn turn, RelayRun run);

	/** The events of a running answer: what has arrived so far, then the rest live. */
	Optional<Flux<AnswerEvent>> attach(UUID messageId);

	/**
	 * Stops a running answer, keeping what arrived; {@code false} if it is not running.
	 */
	boolean stop(UUID messageId);

	/** How many answers this instance is generating now, for the operators' gauge. */
	int running();

}
