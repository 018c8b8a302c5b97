package dev.ponder.chat;

import reactor.core.publisher.Flux;

import dev.ponder.conversation.Turn;

/**
 * An answer just started, and its events for whoever started it: taken before the
 * upstream was asked, so they hold every delta from the first one, never a catch-up.
 *
 * @param turn the stored question and answer
 * @param events the answer's events, from its start to its end
 */
public record StartedAnswer(Turn turn, Flux<AnswerEvent> events) {
}
