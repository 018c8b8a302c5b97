package dev.ponder.conversation;

import java.util.UUID;

/**
 * The conversation or message asked for does not exist.
 */
public class NotFoundException extends RuntimeException {

	private NotFoundException(String message) {
		super(message, null, false, false);
	}

	public static NotFoundException conversation(UUID id) {
		return new NotFoundException("No conversation with id " + id + ".");
	}

	public static NotFoundException message(UUID id) {
		return new NotFoundException("No message with id " + id + ".");
	}

}
