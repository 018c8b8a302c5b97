package dev.ponder.chat;

/**
 * The text of Server-Sent Events as written on the wire: one event, a keep-alive comment,
 * or several of them run together.
 */
public record SseFrame(String text) {

	/** Keeps proxies from closing a stream while the model thinks quietly. */
	static final SseFrame KEEP_ALIVE = new SseFrame(":keep-alive\n\n");

	/**
	 * Data alone, as OpenAI's streams send it: readers tell the events apart by what the
	 * data says.
	 */
	public static SseFrame data(String data) {
		return new SseFrame("data: " + data + "\n\n");
	}

	/**
	 * An event with its name and JSON data (which has no line breaks), and an id when it
	 * has a place in a sequence.
	 */
	static SseFrame event(Long id, String name, String json) {
		StringBuilder text = new StringBuilder(json.length() + name.length() + 32);
		if (id != null) {
			text.append("id:").append(id).append('\n');
		}
		return new SseFrame(
				text.append("event:").append(name).append("\ndata:").append(json).append("\n\n").toString());
	}

}
