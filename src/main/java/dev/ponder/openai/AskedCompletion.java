package dev.ponder.openai;

import java.util.List;

import dev.ponder.attachment.SentFile;
import dev.ponder.chat.ReasoningOptions;
import dev.ponder.conversation.AnswerParameters;
import dev.ponder.conversation.MessageRole;

/**
 * A call to {@code POST /v1/chat/completions} once checked: what Ponder asks, and how.
 *
 * @param model the model as named in the call
 * @param systemPrompt the system and developer messages together, or {@code null}
 * @param earlier the thread before the question, without its system messages
 * @param question the last message, the person's
 * @param parameters the sampling set-up
 * @param reasoning how hard to think, or {@code null} for the default
 * @param stream whether the answer streams as chunks
 * @param includeUsage whether a stream ends with a chunk of usage
 */
record AskedCompletion(String model, String systemPrompt, List<Said> earlier, Said question,
		AnswerParameters parameters, ReasoningOptions reasoning, boolean stream, boolean includeUsage) {

	/**
	 * One message: who said it, its text, and the files it carried.
	 */
	record Said(MessageRole role, String text, List<SentFile> files) {

		Said {
			files = List.copyOf(files);
		}

	}

}
