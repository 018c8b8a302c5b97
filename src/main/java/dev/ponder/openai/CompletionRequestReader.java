package dev.ponder.openai;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import dev.ponder.attachment.SentFile;
import dev.ponder.chat.ReasoningOptions;
import dev.ponder.chat.SendMessageRequest;
import dev.ponder.conversation.AnswerParameters;
import dev.ponder.conversation.Conversation;
import dev.ponder.conversation.MessageRole;
import dev.ponder.openai.AskedCompletion.Said;

/**
 * Checks a call as OpenAI's API would, and says what is wrong with it in OpenAI's words:
 * a 400 naming the field ({@code param}) with a sentence. What it gives back is sure to
 * be taken; whether the model exists is for its endpoint to say.
 */
final class CompletionRequestReader {

	private static final Set<String> EFFORTS = Set.of("xhigh", "high", "medium", "low", "minimal", "none");

	private static final Pattern DATA_URL = Pattern.compile("data:([\\w.+-]+/[\\w.+-]+)?(;[^,]*)?,(.*)",
			Pattern.DOTALL);

	private static final int MAX_MODEL_NAME = 500;

	private static final int MAX_STOP_SEQUENCES = 4;

	private static final int MAX_STOP_LENGTH = 200;

	private CompletionRequestReader() {
	}

	static AskedCompletion read(ChatCompletionRequest request) {
		if (request == null) {
			throw OpenAiException.invalid(null, "The request has no body: send a JSON object with model and messages.");
		}
		String model = model(request.model());
		if (request.n() != null && request.n() != 1) {
			throw OpenAiException.invalid("n", "n must be 1: Ponder asks for one answer per call.");
		}
		List<ChatCompletionRequest.Message> messages = request.messages();
		if (messages == null || messages.isEmpty()) {
			throw OpenAiException.invalid("messages", "messages is empty: send at least the user's question.");
		}
		List<String> system = new ArrayList<>();
		List<Said> thread = new ArrayList<>();
		for (int i = 0; i < messages.size(); i++) {
			ChatCompletionRequest.Message message = messages.get(i);
			String where = "messages[" + i + "]";
			if (message == null) {
				throw OpenAiException.invalid(where, where + " is null.");
			}
			String role = (message.role() != null) ? message.role() : "";
			switch (role) {
				case "system", "developer" -> system.add(text(where, message.content(), false).text());
				case "user" -> thread.add(text(where, message.content(), true).as(MessageRole.USER));
				case "assistant" -> {
					if (message.toolCalls() != null && !message.toolCalls().isNull()) {
						throw OpenAiException.invalid(where + ".tool_calls",
								"Ponder runs no tools: an assistant message with tool_calls is not taken.");
					}
					thread.add(text(where, message.content(), false).as(MessageRole.ASSISTANT));
				}
				case "tool", "function" -> throw OpenAiException.invalid(where + ".role",
						"Ponder runs no tools: a message with the role " + role + " is not taken.");
				default -> throw OpenAiException.invalid(where + ".role", where + ".role must be system, developer, "
						+ "user or assistant" + (role.isEmpty() ? "." : ", not '" + role + "'."));
			}
		}
		if (thread.isEmpty() || thread.get(thread.size() - 1).role() != MessageRole.USER) {
			throw OpenAiException.invalid("messages",
					"The last message must be the user's: it is the question that is answered.");
		}
		Said question = thread.remove(thread.size() - 1);
		if (question.text().isBlank()) {
			throw OpenAiException.invalid("messages[" + (messages.size() - 1) + "].content",
					"The question has no text: Ponder answers a question in words, with its files beside it.");
		}
		if (question.text().length() > SendMessageRequest.MAX_LENGTH) {
			throw OpenAiException.invalid("messages[" + (messages.size() - 1) + "].content",
					"The question is longer than 100,000 characters.");
		}
		String systemPrompt = system.isEmpty() ? null : String.join("\n\n", system);
		if (systemPrompt != null && systemPrompt.length() > Conversation.MAX_SYSTEM_PROMPT_LENGTH) {
			throw OpenAiException.invalid("messages", "The system messages come to more than 100,000 characters.");
		}
		boolean stream = Boolean.TRUE.equals(request.stream());
		boolean includeUsage = request.streamOptions() != null
				&& Boolean.TRUE.equals(request.streamOptions().includeUsage());
		return new AskedCompletion(model, systemPrompt, List.copyOf(thread), question, parameters(request),
				reasoning(request), stream, includeUsage);
	}

	private static String model(String model) {
		if (model == null || model.isBlank()) {
			throw OpenAiException.invalid("model", "model is missing: name one that GET /v1/models lists.");
		}
		if (model.length() > MAX_MODEL_NAME) {
			throw OpenAiException.invalid("model", "model is longer than " + MAX_MODEL_NAME + " characters.");
		}
		return model.strip();
	}

	/** A message's content as text and files, read from a string or an array of parts. */
	private static Content text(String where, JsonNode content, boolean filesTaken) {
		if (content == null || content.isNull()) {
			throw OpenAiException.invalid(where + ".content", where + " has no content.");
		}
		if (content.isString()) {
			return new Content(withoutNul(where, content.asString()), List.of());
		}
		if (!content.isArray()) {
			throw OpenAiException.invalid(where + ".content",
					where + ".content must be a string or an array of parts.");
		}
		List<String> texts = new ArrayList<>();
		List<SentFile> files = new ArrayList<>();
		for (int j = 0; j < content.size(); j++) {
			JsonNode part = content.get(j);
			String at = where + ".content[" + j + "]";
			String type = part.path("type").asString("");
			switch (type) {
				case "text" -> texts.add(withoutNul(at, part.path("text").asString("")));
				case "image_url", "file" -> {
					if (!filesTaken) {
						throw OpenAiException.invalid(at + ".type", "Only the user's messages carry files.");
					}
					files.add((type.equals("file")) ? file(at, part.path("file"), files.size())
							: image(at, part.path("image_url"), files.size()));
				}
				default -> throw OpenAiException.invalid(at + ".type",
						"Parts of type '" + type + "' are not taken: text, image_url (a data: URL) and file are.");
			}
		}
		return new Content(String.join("\n", texts), files);
	}

	/**
	 * A NUL is no text (PostgreSQL refuses to store one): refused as any other mistake.
	 */
	private static String withoutNul(String where, String text) {
		if (text.indexOf('\0') >= 0) {
			throw OpenAiException.invalid(where + ".content",
					where + " holds a NUL character, which no text may hold.");
		}
		return text;
	}

	private static SentFile image(String where, JsonNode imageUrl, int index) {
		String url = imageUrl.isString() ? imageUrl.asString() : imageUrl.path("url").asString("");
		return new SentFile("image-" + (index + 1) + extension(where, url), decoded(where + ".image_url.url", url));
	}

	private static SentFile file(String where, JsonNode file, int index) {
		String name = file.path("filename").asString("");
		String data = file.path("file_data").asString("");
		if (data.isEmpty()) {
			throw OpenAiException.invalid(where + ".file.file_data",
					"A file part carries its bytes in file_data, as a data: URL; file ids are not known here.");
		}
		return new SentFile(name.isBlank() ? "file-" + (index + 1) + extension(where, data) : name,
				decoded(where + ".file.file_data", data));
	}

	private static byte[] decoded(String where, String url) {
		Matcher data = DATA_URL.matcher(url);
		if (!data.matches()) {
			throw OpenAiException.invalid(where,
					"Ponder does not fetch files from the web: send the file as a data: URL (base64).");
		}
		if (data.group(2) == null || !data.group(2).toLowerCase(Locale.ROOT).contains(";base64")) {
			throw OpenAiException.invalid(where, "The data: URL must be base64 (data:image/png;base64,…).");
		}
		try {
			return Base64.getMimeDecoder().decode(data.group(3));
		}
		catch (IllegalArgumentException ex) {
			throw OpenAiException.invalid(where, "The data: URL's base64 cannot be read.");
		}
	}

	/** A name's extension from the data URL's type: the bytes decide what it is. */
	private static String extension(String where, String url) {
		Matcher data = DATA_URL.matcher(url);
		if (!data.matches() || data.group(1) == null) {
			return "";
		}
		String subtype = data.group(1).substring(data.group(1).indexOf('/') + 1).toLowerCase(Locale.ROOT);
		return switch (subtype) {
			case "jpeg", "jpg" -> ".jpg";
			case "png", "webp", "gif", "pdf" -> "." + subtype;
			case "plain" -> ".txt";
			default -> "";
		};
	}

	private static AnswerParameters parameters(ChatCompletionRequest request) {
		Double temperature = request.temperature();
		if (temperature != null && (temperature < 0 || temperature > 2)) {
			throw OpenAiException.invalid("temperature", "temperature must be between 0 and 2.");
		}
		Double topP = request.topP();
		if (topP != null && (topP <= 0 || topP > 1)) {
			throw OpenAiException.invalid("top_p", "top_p must be above 0 and at most 1.");
		}
		String lengthParam = (request.maxCompletionTokens() != null) ? "max_completion_tokens" : "max_tokens";
		Integer maxTokens = (request.maxCompletionTokens() != null) ? request.maxCompletionTokens()
				: request.maxTokens();
		if (maxTokens != null && (maxTokens < 1 || maxTokens > 1_000_000)) {
			throw OpenAiException.invalid(lengthParam, lengthParam + " must be between 1 and 1,000,000.");
		}
		return new AnswerParameters(temperature, topP, maxTokens, request.seed(), stop(request.stop()));
	}

	private static List<String> stop(JsonNode stop) {
		if (stop == null || stop.isNull()) {
			return null;
		}
		List<String> sequences = new ArrayList<>();
		if (stop.isString()) {
			sequences.add(stop.asString());
		}
		else if (stop.isArray()) {
			for (JsonNode sequence : stop) {
				if (!sequence.isString()) {
					throw OpenAiException.invalid("stop", "stop must be a string or an array of strings.");
				}
				sequences.add(sequence.asString());
			}
		}
		else {
			throw OpenAiException.invalid("stop", "stop must be a string or an array of strings.");
		}
		if (sequences.size() > MAX_STOP_SEQUENCES) {
			throw OpenAiException.invalid("stop", "stop takes at most " + MAX_STOP_SEQUENCES + " sequences.");
		}
		if (sequences.stream().anyMatch((sequence) -> sequence.isEmpty() || sequence.length() > MAX_STOP_LENGTH)) {
			throw OpenAiException.invalid("stop",
					"Each stop sequence is 1 to " + MAX_STOP_LENGTH + " characters long.");
		}
		if (sequences.stream().anyMatch(CompletionRequestReader::holdsControlCharacters)) {
			throw OpenAiException.invalid("stop",
					"A stop sequence may hold line breaks and tabs, but no other control characters.");
		}
		return sequences.isEmpty() ? null : sequences;
	}

	private static boolean holdsControlCharacters(String text) {
		return text.chars().anyMatch((c) -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
	}

	/**
	 * OpenRouter's {@code reasoning} wins over OpenAI's {@code reasoning_effort}, as on
	 * OpenRouter.
	 */
	private static ReasoningOptions reasoning(ChatCompletionRequest request) {
		ChatCompletionRequest.Reasoning reasoning = request.reasoning();
		if (reasoning != null) {
			String effort = (Boolean.FALSE.equals(reasoning.enabled())) ? "none" : reasoning.effort();
			checkEffort("reasoning.effort", effort);
			Integer budget = reasoning.maxTokens();
			if (budget != null && (budget < 1 || budget > 1_000_000)) {
				throw OpenAiException.invalid("reasoning.max_tokens",
						"reasoning.max_tokens must be between 1 and 1,000,000.");
			}
			if (effort != null && budget != null) {
				throw OpenAiException.invalid("reasoning", "Give reasoning an effort or max_tokens, not both.");
			}
			return new ReasoningOptions(effort, budget, reasoning.exclude());
		}
		if (request.reasoningEffort() != null) {
			checkEffort("reasoning_effort", request.reasoningEffort());
			return new ReasoningOptions(request.reasoningEffort(), null, null);
		}
		return null;
	}

	private static void checkEffort(String param, String effort) {
		if (effort != null && !EFFORTS.contains(effort)) {
			throw OpenAiException.invalid(param,
					param + " must be one of xhigh, high, medium, low, minimal or none, not '" + effort + "'.");
		}
	}

	/** What a message says, before its role is known to be taken. */
	private record Content(String text, List<SentFile> files) {

		Said as(MessageRole role) {
			return new Said(role, this.text, this.files);
		}

	}

}
