package dev.ponder.share;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import dev.ponder.chat.MessageItem;
import dev.ponder.conversation.MessageView;
import dev.ponder.conversation.ReasoningSetting;

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
		return new MessageItem(message, message.thinkingSummary(), metaLine(message), List.of());
	}

	/** "model · reasoning high · provider · …": the setting right after the model. */
	private static String metaLine(MessageView message) {
		String line = message.metaLine();
		if (line == null || message.reasoningAsked() == null) {
			return line;
		}
		String setting = words(message.reasoningAsked());
		String model = message.model();
		int at = (model != null) ? line.indexOf(model) : -1;
		if (at < 0) {
			return setting + " · " + line;
		}
		int end = at + model.length();
		return line.substring(0, end) + " · " + setting + line.substring(end);
	}

	static String words(ReasoningSetting setting) {
		if (setting.hidden()) {
			return "reasoning hidden";
		}
		if (setting.maxTokens() != null) {
			return "reasoning up to " + NumberFormat.getIntegerInstance(Locale.ENGLISH).format(setting.maxTokens())
					+ " tokens";
		}
		return "reasoning " + setting.effort();
	}

}
