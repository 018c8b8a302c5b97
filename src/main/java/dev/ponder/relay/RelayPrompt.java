package dev.ponder.relay;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.ponder.settings.AppSettings;
import dev.ponder.upstream.ChatRequest.ChatMessage;

/**
 * The words of a reasoning relay: what the thinking model is told (think, don't answer),
 * and the template that hands its reasoning to the answering model. The template is the
 * person's to edit.
 */
@Service
@Transactional(readOnly = true)
public class RelayPrompt {

	/** Where the reasoning goes in the template. */
	public static final String PLACEHOLDER = "{reasoning}";

	/**
	 * The thinker is asked for reasoning only; a one-word reply keeps the tokens it
	 * spends on an answer that will be thrown away to a minimum.
	 */
	static final String THINKER_INSTRUCTION = """
			You are the thinking stage of a two-model pipeline: another model will write the answer from \
			your reasoning. Think the user's last message through as carefully as you can. Do not write an \
			answer. When you have finished thinking, reply with just: Done.""";

	/** Introduces the person's system prompt to the thinker. */
	static final String THINKER_SYSTEM_PROMPT_INTRO = "The answer will be written under these instructions "
			+ "from the person; think with them in mind:";

	private static final int MAX_TEMPLATE_LENGTH = 10_000;

	private final AppSettings settings;

	RelayPrompt(AppSettings settings) {
		this.settings = settings;
	}

	/** The template in force: the person's, or the default. */
	public String template() {
		return this.settings.relayTemplate();
	}

	/** Changes the template; a blank one goes back to the default. */
	@Transactional
	public String changeTemplate(String template) {
		if (template == null || template.isBlank()) {
			this.settings.resetRelayTemplate();
			return AppSettings.DEFAULT_RELAY_TEMPLATE;
		}
		if (!template.contains(PLACEHOLDER)) {
			throw new IllegalArgumentException(
					"The template must contain " + PLACEHOLDER + ", where the thinking model's reasoning goes.");
		}
		if (template.length() > MAX_TEMPLATE_LENGTH) {
			throw new IllegalArgumentException("The template is longer than 10,000 characters.");
		}
		this.settings.changeRelayTemplate(template);
		return template;
	}

	/**
	 * The thinker's conversation: the instruction, then the person's system prompt (if
	 * any) as what the answer must follow, then the conversation so far. One system
	 * message: some servers' chat templates refuse a second one.
	 */
	public List<ChatMessage> forThinker(String systemPrompt, List<ChatMessage> history) {
		String instruction = (systemPrompt != null)
				? THINKER_INSTRUCTION + "\n\n" + THINKER_SYSTEM_PROMPT_INTRO + "\n\n" + systemPrompt
				: THINKER_INSTRUCTION;
		return ChatMessage.systemFirst(instruction, history);
	}

	/**
	 * The answerer's conversation: the person's system prompt (if any) and the template
	 * filled with the reasoning, in one system message, then the conversation so far.
	 */
	public List<ChatMessage> forAnswerer(String systemPrompt, List<ChatMessage> history, String reasoning) {
		String handover = template().replace(PLACEHOLDER, reasoning.strip());
		return ChatMessage.systemFirst((systemPrompt != null) ? systemPrompt + "\n\n" + handover : handover, history);
	}

}
