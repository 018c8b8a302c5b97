package dev.ponder.share;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * Export files made for share tests: one conversation of questions and answers with
 * reasoning, a model, a reasoning setting, tokens and a cost, imported as it is written
 * (no model asked).
 */
final class SharedConversationFiles {

	static final String COST = "$0.0021";

	private static final JsonMapper json = JsonMapper.builder().build();

	private SharedConversationFiles() {
	}

	/** One conversation of {@code turns}, each {question, reasoning, answer}. */
	static String conversation(String title, List<Turn> turns) {
		return conversation(title, turns, null);
	}

	/**
	 * The same, the first question carrying a text file of that name (none for
	 * {@code null}).
	 */
	static String conversation(String title, List<Turn> turns, String fileName) {
		Instant start = Instant.parse("2026-03-03T10:00:00Z");
		List<Map<String, Object>> messages = new ArrayList<>();
		UUID parent = null;
		int position = 0;
		for (Turn turn : turns) {
			UUID question = UUID.randomUUID();
			Instant asked = start.plusSeconds(60L * position);
			Map<String, Object> asking = message(question, parent, position++, "user", turn.question(), null, asked);
			messages.add(asking);
			UUID answer = UUID.randomUUID();
			Map<String, Object> reply = message(answer, question, position++, "assistant", turn.answer(),
					turn.reasoning(), asked.plusSeconds(1));
			reply.put("model", "deepseek/deepseek-r1");
			reply.put("reasoningSetting", "high");
			reply.put("provider", "DeepInfra");
			reply.put("finishReason", "stop");
			reply.put("usage",
					Map.of("promptTokens", 20, "completionTokens", 120, "reasoningTokens", 84, "cost", 0.0021));
			reply.put("reasoningStartedAt", asked.plusSeconds(2).toString());
			reply.put("contentStartedAt", asked.plusSeconds(14).toString());
			reply.put("finishedAt", asked.plusSeconds(16).toString());
			messages.add(reply);
			parent = answer;
		}
		Map<String, Object> conversation = new LinkedHashMap<>();
		conversation.put("id", UUID.randomUUID().toString());
		conversation.put("title", title);
		conversation.put("createdAt", start.toString());
		conversation.put("messages", messages);
		if (fileName != null) {
			UUID file = UUID.randomUUID();
			messages.get(0).put("attachments", List.of(file.toString()));
			conversation.put("attachments", List.of(Map.of("id", file.toString(), "name", fileName, "contentType",
					"text/plain", "size", 12, "data", Base64.getEncoder().encodeToString("Bird counts.".getBytes()))));
		}
		return file(conversation);
	}

	/**
	 * One question whose answer failed with the error {@code code}, the upstream's words
	 * {@code upstreamText} stored with it.
	 */
	@SuppressWarnings("unchecked")
	static String failed(String title, String question, String code, String upstreamText) {
		Map<String, Object> conversation = json.readValue(conversation(title, List.of(new Turn(question, null, ""))),
				Map.class);
		Map<String, Object> answer = ((List<Map<String, Object>>) ((List<Map<String, Object>>) conversation
			.get("conversations")).get(0).get("messages")).get(1);
		answer.put("status", "FAILED");
		answer.put("error", Map.of("code", code, "message", upstreamText));
		return json.writeValueAsString(conversation);
	}

	private static String file(Map<String, Object> conversation) {
		return json
			.writeValueAsString(Map.of("format", "ponder", "version", 1, "conversations", List.of(conversation)));
	}

	private static Map<String, Object> message(UUID id, UUID parent, int position, String role, String content,
			String reasoning, Instant at) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("id", id.toString());
		if (parent != null) {
			message.put("parentId", parent.toString());
		}
		message.put("position", position);
		message.put("role", role);
		message.put("status", "COMPLETE");
		message.put("content", content);
		if (reasoning != null) {
			message.put("reasoning", reasoning);
		}
		message.put("createdAt", at.toString());
		return message;
	}

	/** One question with the reasoning and answer it got. */
	record Turn(String question, String reasoning, String answer) {
	}

}
