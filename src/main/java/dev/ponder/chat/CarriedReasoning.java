package dev.ponder.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

import dev.ponder.conversation.Turn;
import dev.ponder.upstream.ChatRequest.ChatMessage;
import dev.ponder.upstream.Endpoint;

/**
 * Puts earlier answers' reasoning back on their turns, for a conversation that lets the
 * model see it, in the form the receiving model takes:
 * <ul>
 * <li>to the model that produced them, the stored {@code reasoning_details} array,
 * untouched and in order, as OpenRouter documents for preserving reasoning blocks: their
 * signatures and encrypted blocks are bound to that model, and another one refuses them
 * (Anthropic answers 400 "Invalid signature in thinking block");</li>
 * <li>to the same model on OpenRouter without details, the text as {@code reasoning},
 * OpenRouter's field for models that return only text;</li>
 * <li>to any other model or server, the text in {@code <think>…</think>} ahead of the
 * answer: plain content every OpenAI-style server accepts (DeepSeek's API refused
 * {@code reasoning_content} in earlier turns with a 400; llama.cpp, vLLM and Ollama each
 * name the field differently), in the tags reasoning models write and chat templates
 * know. Templates that drop earlier thinking (DeepSeek-R1's, Qwen3's) drop it here too,
 * as the model was trained.</li>
 * </ul>
 * Encrypted blocks hold nothing readable: another model gets nothing of an answer that
 * had only those.
 */
@Component
class CarriedReasoning {

	static final String OPEN = "<think>\n";

	static final String CLOSE = "\n</think>\n\n";

	private final ReasoningDetailsJson json;

	CarriedReasoning(ReasoningDetailsJson json) {
		this.json = json;
	}

	/**
	 * {@code turns}, built from {@code history} one for one, as {@code model} on
	 * {@code endpoint} is sent them; the same list when no turn carries reasoning.
	 */
	List<ChatMessage> onto(List<ChatMessage> turns, List<Turn.HistoryEntry> history, String endpoint, String model) {
		if (history.stream().allMatch((entry) -> entry.reasoning() == null)) {
			return turns;
		}
		List<ChatMessage> sent = new ArrayList<>(turns.size());
		for (int i = 0; i < turns.size(); i++) {
			Turn.EarlierReasoning earlier = history.get(i).reasoning();
			sent.add((earlier != null) ? carried(turns.get(i), earlier, endpoint, model) : turns.get(i));
		}
		return List.copyOf(sent);
	}

	private ChatMessage carried(ChatMessage turn, Turn.EarlierReasoning earlier, String endpoint, String model) {
		if (earlier.cameFrom(endpoint, model)) {
			Optional<JsonNode> details = this.json.read(earlier.details());
			if (details.isPresent()) {
				return turn.withReasoningDetails(details.get());
			}
			if (Endpoint.OPENROUTER.equals(endpoint) && earlier.hasText()) {
				return turn.withReasoning(earlier.text());
			}
		}
		if (earlier.hasText() && turn.content() instanceof String answer) {
			return new ChatMessage(turn.role(), OPEN + earlier.text().strip() + CLOSE + answer);
		}
		return turn;
	}

}
