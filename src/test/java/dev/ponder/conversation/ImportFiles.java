package dev.ponder.conversation;

import java.util.UUID;

/**
 * Export files written by hand for import tests: one conversation with a question of the
 * given size.
 */
final class ImportFiles {

	private ImportFiles() {
	}

	/**
	 * A valid export of one conversation whose question is {@code size} characters long.
	 */
	static String withQuestionOf(int size, String title) {
		return """
				{"format":"ponder","version":1,"conversations":[
				 {"id":"%s","title":"%s","createdAt":"2026-01-01T00:00:00Z","messages":[
				  {"id":"%s","role":"user","status":"COMPLETE","content":"%s","createdAt":"2026-01-01T00:00:00Z"}]}]}
				""".formatted(UUID.randomUUID(), title, UUID.randomUUID(), "a".repeat(size));
	}

}
