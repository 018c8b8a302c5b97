package dev.ponder.conversation;

/**
 * Where a message is in its life. User messages are {@code COMPLETE} from the start.
 */
public enum MessageStatus {

	/** An answer still arriving; what is stored is its last checkpoint. */
	STREAMING,
	/** Finished normally. */
	COMPLETE,
	/** Stopped by the person; what had arrived is kept. */
	STOPPED,
	/** Ended by an error; what had arrived is kept, with the error. */
	FAILED

}
