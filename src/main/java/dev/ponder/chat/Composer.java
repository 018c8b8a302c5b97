package dev.ponder.chat;

import java.util.List;

import dev.ponder.PonderProperties;
import dev.ponder.conversation.AnswerParameters;
import dev.ponder.conversation.Conversation;
import dev.ponder.conversation.ConversationDetails;
import dev.ponder.conversation.MessageView;
import dev.ponder.conversation.ReasoningSetting;

/**
 * What the composer offers: the model field, the reasoning levels and the length limit. A
 * conversation's composer starts with the endpoint, model, reasoning and parameters of
 * its last answer; the page's script narrows the levels and parameters to what the model
 * accepts.
 */
public record Composer(String model, String effort, List<Choice> efforts, int maxLength, String endpoint,
		Integer budget, AnswerParameters parameters) {

	/** The reasoning choices; the presets page offers the same. */
	public static final List<Choice> EFFORTS = List.of(new Choice("xhigh", "Extra high"), new Choice("high", "High"),
			new Choice("medium", "Medium"), new Choice("low", "Low"), new Choice("minimal", "Minimal"),
			new Choice("none", "Off"), new Choice(ReasoningOptions.HIDDEN, "Hidden"));

	/** The defaults, or what the conversation's last answer used. */
	static Composer of(ConversationDetails conversation, PonderProperties properties) {
		MessageView last = (conversation != null) ? conversation.messages()
			.stream()
			.filter(MessageView::isAssistant)
			.reduce((first, second) -> second)
			.orElse(null) : null;
		if (last == null || last.model() == null) {
			return new Composer(properties.defaultModel(), properties.defaultEffort(), EFFORTS,
					SendMessageRequest.MAX_LENGTH, properties.defaultEndpoint(), null, AnswerParameters.DEFAULTS);
		}
		ReasoningSetting setting = (last.reasoningAsked() != null) ? last.reasoningAsked()
				: ReasoningSetting.effort(properties.defaultEffort());
		// A budget is no choice of the select: it keeps the default level and offers the
		// budget beside it.
		String choice = setting.format();
		boolean known = EFFORTS.stream().anyMatch((offered) -> offered.value().equals(choice));
		return new Composer(last.model(), known ? choice : properties.defaultEffort(), EFFORTS,
				SendMessageRequest.MAX_LENGTH,
				(last.endpoint() != null) ? last.endpoint() : properties.defaultEndpoint(), setting.maxTokens(),
				(last.parameters() != null) ? last.parameters() : AnswerParameters.DEFAULTS);
	}

	/**
	 * The longest system prompt the server takes, for the page's fields (a template may
	 * not read a static field).
	 */
	public int systemPromptMaxLength() {
		return Conversation.MAX_SYSTEM_PROMPT_LENGTH;
	}

	/** One option of a select. */
	public record Choice(String value, String label) {
	}

}
