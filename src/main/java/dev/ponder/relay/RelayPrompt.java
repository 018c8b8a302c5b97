package dev.ponder.relay;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

	public static final String DEFAULT_TEMPLATE = """
			Another model has already thought about the user's last message. Its reasoning follows. \
			Use what is right in it, ignore what is wrong, and answer in your own words, without \
			mentioning that you were given reasoning.

			<reasoning>
			{reasoning}
			</reasoning>""";

	/**
	 * The thinker is asked for reasoning only; a one-word reply keeps the tokens it
	 * spends on an answer that will be thrown away to a minimum.
	 */
	static final String THINKER_INSTRUCTION = """
			You are the thinking stage of a two-model pipeline: another model will write the answer from \
			your reasoning. Think the user's last message through as carefully as you can. Do not write an \
			answer. When you have finished thinking, reply with just: Done.""";

	static final String SETTING = "relay.template";

	private static final int MAX_TEMPLATE_LENGTH = 10_000;

	private final AppSettingRepository settings;

	private final Clock clock;

	RelayPrompt(AppSettingRepository settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/** The template in force: the person's, or the default. */
	public String template() {
		return this.settings.findById(SETTING).map(AppSetting::getValue).orElse(DEFAULT_TEMPLATE);
	}

	/** Changes the template; a blank one goes back to the default. */
	@Transactional
	public String changeTemplate(String template) {
		if (template == null || template.isBlank()) {
			this.settings.deleteById(SETTING);
			return DEFAULT_TEMPLATE;
		}
		if (!template.contains(PLACEHOLDER)) {
			throw new IllegalArgumentException(
					"The template must contain " + PLACEHOLDER + ", where the thinking model's reasoning goes.");
		}
		if (template.length() > MAX_TEMPLATE_LENGTH) {
			throw new IllegalArgumentException("The template is longer than 10,000 characters.");
		}
		this.settings.findById(SETTING)
			.ifPresentOrElse((setting) -> setting.change(template, this.clock.instant()),
					() -> this.settings.save(new AppSetting(SETTING, template, this.clock.instant())));
		return template;
	}

	/** The thinker's conversation: the instruction, then the conversation so far. */
	public List<ChatMessage> forThinker(List<ChatMessage> history) {
		List<ChatMessage> messages = new ArrayList<>();
		messages.add(new ChatMessage("system", THINKER_INSTRUCTION));
		messages.addAll(history);
		return messages;
	}

	/**
	 * The answerer's conversation: the template filled with the reasoning, then the
	 * conversation so far.
	 */
	public List<ChatMessage> forAnswerer(List<ChatMessage> history, String reasoning) {
		List<ChatMessage> messages = new ArrayList<>();
		messages.add(new ChatMessage("system", template().replace(PLACEHOLDER, reasoning.strip())));
		messages.addAll(history);
		return messages;
	}

}
