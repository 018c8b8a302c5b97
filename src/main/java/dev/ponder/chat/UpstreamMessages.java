package dev.ponder.chat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dev.ponder.attachment.AttachmentService;
import dev.ponder.attachment.AttachmentView;
import dev.ponder.attachment.PdfText;
import dev.ponder.catalog.CatalogModel;
import dev.ponder.catalog.ModelCatalog;
import dev.ponder.conversation.MessageRole;
import dev.ponder.conversation.Turn;
import dev.ponder.upstream.ChatRequest.ChatMessage;
import dev.ponder.upstream.ChatRequest.ContentPart;
import dev.ponder.upstream.Endpoint;

/**
 * The turns of a conversation as one model on one endpoint is sent them. A question with
 * files becomes parts: its text first, then each file in the order attached; an image as
 * a data URL, a PDF as OpenRouter's {@code file} part (its text, read here, elsewhere or
 * for a model known not to read files), a text file as a fenced block named after it.
 * <p>
 * The upstream keeps nothing between turns, and follow-ups are about the files, so
 * earlier questions' files go again each turn, newest first, in what the new question's
 * own files leave of {@link #FILES_BUDGET} bytes; older ones, and images for a model that
 * cannot read them, become a short note naming the file.
 * <p>
 * Every file is read and encoded here, so the turns are built once per question and kind
 * of reader ({@link FileReading}) and shared: see {@link QuestionMessages}.
 */
@Component
public class UpstreamMessages {

	/**
	 * How many bytes of files go upstream with one question: its own first (a question
	 * whose files alone come to more is refused, see {@link AnswerSetup}), then earlier
	 * questions' in what is left. It bounds the memory one answer holds its request in.
	 */
	public static final long FILES_BUDGET = 32L * 1024 * 1024;

	private static final Pattern BACKTICKS = Pattern.compile("`{3,}");

	private final AttachmentService attachments;

	private final PdfText pdfText;

	private final ModelCatalog catalog;

	UpstreamMessages(AttachmentService attachments, PdfText pdfText, ModelCatalog catalog) {
		this.attachments = attachments;
		this.pdfText = pdfText;
		this.catalog = catalog;
	}

	/** How {@code model} on {@code endpoint} is sent files. */
	FileReading reading(String endpoint, String model) {
		Optional<CatalogModel> known = (model != null) ? this.catalog.find(endpoint, model) : Optional.empty();
		return new FileReading(known.map(CatalogModel::readsImages).orElse(true),
				Endpoint.OPENROUTER.equals(endpoint) && known.map(CatalogModel::readsFiles).orElse(true));
	}

	/** The turns for {@code model} on {@code endpoint}, oldest first. */
	List<ChatMessage> of(List<Turn.HistoryEntry> history, String endpoint, String model) {
		return of(history, reading(endpoint, model));
	}

	/** The turns for a model that reads files so, oldest first. */
	List<ChatMessage> of(List<Turn.HistoryEntry> history, FileReading reading) {
		int current = lastQuestion(history);
		long budget = FILES_BUDGET - ((current >= 0) ? totalSize(history.get(current).attachments()) : 0);
		Map<UUID, byte[]> read = new HashMap<>();
		ChatMessage[] messages = new ChatMessage[history.size()];
		for (int i = history.size() - 1; i >= 0; i--) {
			Turn.HistoryEntry entry = history.get(i);
			if (entry.attachments().isEmpty()) {
				messages[i] = new ChatMessage(entry.role().wireName(), entry.content());
				continue;
			}
			List<ContentPart> parts = new ArrayList<>();
			parts.add(ContentPart.text(entry.content()));
			for (AttachmentView file : entry.attachments()) {
				if (i != current) {
					if (file.size() > budget) {
						parts
							.add(ContentPart.text("(" + file.name() + " was attached earlier; it is not sent again.)"));
						continue;
					}
					budget -= file.size();
				}
				parts.add(part(file, reading, read));
			}
			messages[i] = ChatMessage.ofParts(entry.role().wireName(), parts);
		}
		return new ArrayList<>(List.of(messages));
	}

	static long totalSize(List<AttachmentView> files) {
		return files.stream().mapToLong(AttachmentView::size).sum();
	}

	private static int lastQuestion(List<Turn.HistoryEntry> history) {
		for (int i = history.size() - 1; i >= 0; i--) {
			if (history.get(i).role() == MessageRole.USER) {
				return i;
			}
		}
		return -1;
	}

	private ContentPart part(AttachmentView file, FileReading reader, Map<UUID, byte[]> read) {
		if (file.isImage() && !reader.images()) {
			return ContentPart.text("(" + file.name() + " is an image, not sent: this model cannot read images.)");
		}
		byte[] bytes = read.computeIfAbsent(file.id(), this.attachments::bytes);
		if (file.isImage()) {
			return ContentPart.image(file.contentType(), bytes);
		}
		if (file.isPdf()) {
			if (reader.pdfs()) {
				return ContentPart.file(file.name(), file.contentType(), bytes);
			}
			return this.attachments.text(file.id())
				.map((text) -> ContentPart.text(fenced(file.name(), text)))
				.orElseGet(() -> ContentPart.text("(The text of " + file.name() + " could not be read.)"));
		}
		return ContentPart.text(fenced(file.name(), new String(bytes, StandardCharsets.UTF_8)));
	}

	/**
	 * The file's text in a fenced block headed by its name, the fence longer than any run
	 * of backticks inside, so that the file cannot close it.
	 */
	static String fenced(String name, String text) {
		int longest = 2;
		Matcher runs = BACKTICKS.matcher(text);
		while (runs.find()) {
			longest = Math.max(longest, runs.group().length());
		}
		String fence = "`".repeat(longest + 1);
		return fence + name + "\n" + text + (text.endsWith("\n") ? "" : "\n") + fence;
	}

	/**
	 * What a model reads itself: images, and PDFs as files (else their text is sent).
	 * Models that read alike are sent the same turns.
	 */
	record FileReading(boolean images, boolean pdfs) {
	}

}
