package dev.ponder.conversation;

/**
 * Who wrote a message.
 */
public enum MessageRole {

	USER, ASSISTANT;

	/** The role's name on the wire, as OpenAI-style APIs spell it. */
	public String wireName() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
