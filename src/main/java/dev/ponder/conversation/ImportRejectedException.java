package dev.ponder.conversation;

/**
 * An import file that Ponder cannot take, with the reason in words; nothing of it was
 * stored.
 */
public class ImportRejectedException extends RuntimeException {

	ImportRejectedException(String message) {
		super(message, null, false, false);
	}

}
