package dev.ponder.share;

import java.util.List;

import dev.ponder.chat.MessageItem;
import dev.ponder.conversation.AnswerSummary;
import dev.ponder.conversation.MessageView;

/**
 * The messages of a shared page as the chat page's templates read them, each answer's
 * line under it also saying how hard the model was asked to think: the owner sees that in
 * the composer, a reader has only this line.
 */
final class SharedMessages {

	private SharedMessages() {
	}

	static List<MessageItem> of(List<MessageView> messages) {
		return messages.stream().map(SharedMessages::item).toList();
	}

	private static MessageItem item(MessageView message) {
		return new MessageItem(message, message.thinkingSummary(), AnswerSummary.meta(message, true), List.of());
	}

}
