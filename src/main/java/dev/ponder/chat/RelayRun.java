package dev.ponder.chat;

import java.util.function.Function;

import reactor.core.publisher.Flux;

import dev.ponder.upstream.UpstreamEvent;

/**
 * The two calls of a reasoning relay: the thinker's stream, and the answerer's stream
 * made from the reasoning the thinker produced.
 *
 * @param thinkerModel the model that thinks
 * @param answererModel the model that answers
 * @param thinker the thinker's stream (or the stored reasoning of an earlier run, reused)
 * @param answerer the answerer's stream, given the reasoning
 */
record RelayRun(String thinkerModel, String answererModel, Flux<UpstreamEvent> thinker,
		Function<String, Flux<UpstreamEvent>> answerer) {
}
