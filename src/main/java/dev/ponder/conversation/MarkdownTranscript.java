package dev.ponder.conversation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One conversation as Markdown that reads well on GitHub: each answer's reasoning folded
 * in a {@code <details>} block above it, and a quiet line of model, tokens and cost
 * below.
 */
final class MarkdownTranscript {

	private static final Pattern DETAILS_TAG = Pattern.compile("</?details", Pattern.CASE_INSENSITIVE);

	private final ConversationDetails conversation;

	private final StringBuilder out = new StringBuilder();

	MarkdownTranscript(ConversationDetails conversation) {
		this.conversation = conversation;
	}

	String write() {
		this.out.append("# ").append(this.conversation.title().replace("\n", " ")).append("\n\n");
		String totals = AnswerSummary.totals(this.conversation.totals());
		this.out.append("*Exported from Ponder · started ").append(this.conversation.createdAt());
		if (totals != null) {
			this.out.append(" · ").append(totals);
		}
		this.out.append("*\n\n");
		if (this.conversation.systemPrompt() != null) {
			this.out.append("<details>\n<summary>System prompt</summary>\n\n")
				.append(neutraliseDetailsTags(this.conversation.systemPrompt()))
				.append("\n\n</details>\n\n");
		}
		this.conversation.messages().forEach(this::message);
		return this.out.toString();
	}

	private void message(MessageView message) {
		if (!message.isAssistant()) {
			this.out.append("## You\n\n").append(message.content().strip()).append("\n\n");
			return;
		}
		this.out.append("## ").append((message.model() != null) ? message.model() : "Assistant");
		if (message.relay() != null) {
			this.out.append(", thinking by ").append(message.relay().thinkerModel());
		}
		this.out.append("\n\n");
		if (!message.reasoning().isEmpty()) {
			String summary = AnswerSummary.thinking(message);
			this.out.append("<details>\n<summary>")
				.append(escapeHtml((summary != null) ? summary : "Reasoning"))
				.append("</summary>\n\n")
				.append(neutraliseDetailsTags(message.reasoning().strip()))
				.append("\n\n</details>\n\n");
		}
		if (!message.content().isBlank()) {
			this.out.append(message.content().strip()).append("\n\n");
		}
		if (message.error() != null) {
			this.out.append("> **")
				.append(message.status())
				.append(":** ")
				.append(message.error().message())
				.append("\n\n");
		}
		String meta = AnswerSummary.meta(message);
		if (meta != null) {
			this.out.append("<sub>").append(escapeHtml(meta)).append("</sub>\n\n");
		}
	}

	/** Reasoning that mentions {@code </details>} must not close the block it sits in. */
	private static String neutraliseDetailsTags(String text) {
		return DETAILS_TAG.matcher(text)
			.replaceAll((match) -> Matcher.quoteReplacement("&lt;" + match.group().substring(1)));
	}

	private static String escapeHtml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
