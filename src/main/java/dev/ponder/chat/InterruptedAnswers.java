package dev.ponder.chat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.ponder.conversation.MessageService;

/**
 * At start, no answer of this instance is running yet: any answer stored as streaming was
 * left so by a previous run that died, and is marked failed instead of spinning forever
 * on the page. Not when instances share answers: those may be another instance's, and
 * {@link SharedGenerationRegistry} fails only the answers whose owner is gone.
 */
@Component
@ConditionalOnBooleanProperty(name = RedisSettings.SHARED, havingValue = false, matchIfMissing = true)
class InterruptedAnswers {

	private static final Logger logger = LoggerFactory.getLogger(InterruptedAnswers.class);

	private final MessageService messages;

	InterruptedAnswers(MessageService messages) {
		this.messages = messages;
	}

	@EventListener(ApplicationReadyEvent.class)
	void failLeftovers() {
		int count = this.messages.failInterrupted();
		if (count > 0) {
			logger.warn("Marked {} answer(s) left streaming by a previous run as failed (interrupted)", count);
		}
	}

}
