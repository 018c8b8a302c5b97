package dev.ponder.conversation;

/**
 * A relay a person has asked: {@code thinker} reasoned and {@code answerer} answered, on
 * {@code endpoint}.
 */
public record UsedRelay(String endpoint, String thinker, String answerer) {
}
