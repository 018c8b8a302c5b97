package dev.ponder.chat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.ponder.conversation.Turn;
import dev.ponder.upstream.ChatRequest.ChatMessage;

/**
 * The turns of one question as sent upstream, built when first asked for and then shared:
 * every file is read and encoded once per kind of reader, not once per compare column or
 * relay stage. Earlier reasoning, when the conversation carries it, is put on per model
 * (each is sent its own details; see {@link CarriedReasoning}). Columns start on their
 * own threads, hence the lock.
 */
final class QuestionMessages {

	private final UpstreamMessages upstream;

	private final CarriedReasoning carried;

	private final List<Turn.HistoryEntry> history;

	private final Map<UpstreamMessages.FileReading, List<ChatMessage>> built = new HashMap<>();

	QuestionMessages(UpstreamMessages upstream, CarriedReasoning carried, List<Turn.HistoryEntry> history) {
		this.upstream = upstream;
		this.carried = carried;
		this.history = history;
	}

	/**
	 * The turns as {@code model} on {@code endpoint} is sent them, files and all, with
	 * the earlier reasoning it may see.
	 */
	List<ChatMessage> forModel(String endpoint, String model) {
		return this.carried.onto(withoutReasoning(endpoint, model), this.history, endpoint, model);
	}

	/**
	 * The turns without any earlier reasoning: for a relay's answerer, whose reasoning is
	 * the thinker's, handed over in its instructions.
	 */
	synchronized List<ChatMessage> withoutReasoning(String endpoint, String model) {
		return this.built.computeIfAbsent(this.upstream.reading(endpoint, model),
				(reading) -> List.copyOf(this.upstream.of(this.history, reading)));
	}

}
