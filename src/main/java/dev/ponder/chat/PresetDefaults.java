package dev.ponder.chat;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.ponder.conversation.AnswerParameters;
import dev.ponder.preset.PresetColumn;
import dev.ponder.preset.PresetReasoning;
import dev.ponder.preset.PresetRelay;
import dev.ponder.preset.PresetService;
import dev.ponder.preset.PresetView;

/**
 * Fills in what a send or an edit leaves out from the preset it names: model, endpoint,
 * reasoning, parameters (part by part), relay, compare and system prompt. What the
 * request says always wins; a request that names a model asks for one answer, so a
 * preset's compare is then not used, nor its endpoint: the model named is looked for on
 * the endpoint named, or the default one. The preset's system prompt travels as the
 * request's, which the conversation takes with the question once it is known to be
 * sendable.
 */
@Component
class PresetDefaults {

	private final PresetService presets;

	PresetDefaults(PresetService presets) {
		this.presets = presets;
	}

	/** The request to send (or edit with), with its preset's parts filled in. */
	SendMessageRequest forSend(SendMessageRequest request) {
		return (request.preset() != null) ? filled(request, this.presets.usable(request.preset())) : request;
	}

	static SendMessageRequest filled(SendMessageRequest request, PresetView preset) {
		boolean oneModelNamed = request.model() != null && !request.model().isBlank();
		List<CompareColumn> compare = (request.compare() != null || oneModelNamed) ? request.compare()
				: columns(preset.compare());
		RelayOptions relay = (request.relay() != null || compare != null) ? request.relay() : relay(preset.relay());
		return new SendMessageRequest(request.content(), oneModelNamed ? request.model() : preset.model(),
				(request.reasoning() != null) ? request.reasoning() : options(preset.reasoning()), relay, compare,
				(request.endpoint() != null || oneModelNamed) ? request.endpoint() : preset.endpoint(),
				parameters(request.parameters(), preset.parameters()), request.preset(), request.attachments(),
				(request.systemPrompt() != null) ? request.systemPrompt() : preset.systemPrompt());
	}

	/** Each part the request sets wins over the preset's. */
	private static AnswerParameters parameters(AnswerParameters requested, AnswerParameters preset) {
		if (requested == null) {
			return (preset.isDefault()) ? null : preset;
		}
		return new AnswerParameters(either(requested.temperature(), preset.temperature()),
				either(requested.topP(), preset.topP()), either(requested.maxTokens(), preset.maxTokens()),
				either(requested.seed(), preset.seed()), either(requested.stop(), preset.stop()));
	}

	private static <T> T either(T requested, T preset) {
		return (requested != null) ? requested : preset;
	}

	private static List<CompareColumn> columns(List<PresetColumn> columns) {
		return (columns != null) ? columns.stream()
			.map((column) -> new CompareColumn(column.model(), options(column.reasoning()), relay(column.relay()),
					column.endpoint()))
			.toList() : null;
	}

	private static RelayOptions relay(PresetRelay relay) {
		return (relay != null) ? new RelayOptions(relay.thinker(), options(relay.thinkerReasoning())) : null;
	}

	private static ReasoningOptions options(PresetReasoning setting) {
		if (setting == null) {
			return null;
		}
		return new ReasoningOptions(setting.effort(), setting.maxTokens(),
				Boolean.TRUE.equals(setting.hidden()) ? Boolean.TRUE : null);
	}

}
