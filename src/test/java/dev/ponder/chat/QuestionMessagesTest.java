package dev.ponder.chat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.ponder.attachment.AttachmentService;
import dev.ponder.attachment.AttachmentView;
import dev.ponder.attachment.PdfText;
import dev.ponder.catalog.ModelCatalog;
import dev.ponder.conversation.MessageRole;
import dev.ponder.conversation.Turn;
import dev.ponder.upstream.ChatRequest.ChatMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A question's files are read and encoded once per kind of reader, however many compare
 * columns or relay stages send them.
 */
class QuestionMessagesTest {

	private final AttachmentService attachments = mock(AttachmentService.class);

	private final UpstreamMessages upstream = new UpstreamMessages(this.attachments, mock(PdfText.class),
			mock(ModelCatalog.class));

	@Test
	void modelsThatReadFilesAlikeShareOneCopyOfTheTurns() {
		UUID id = UUID.randomUUID();
		AttachmentView file = new AttachmentView(id, "notes.txt", "text/plain", 6, "text", "/files/" + id, null);
		when(this.attachments.bytes(id)).thenReturn("notes\n".getBytes(StandardCharsets.UTF_8));
		QuestionMessages asked = new QuestionMessages(this.upstream, mock(CarriedReasoning.class),
				List.of(new Turn.HistoryEntry(MessageRole.USER, "Read this", List.of(file))));

		List<ChatMessage> first = asked.withoutReasoning("openrouter", "a/one");
		List<ChatMessage> second = asked.withoutReasoning("openrouter", "b/two");
		List<ChatMessage> elsewhere = asked.withoutReasoning("local", "c/three");

		assertThat(second).isSameAs(first);
		assertThat(elsewhere).as("another server is sent PDFs' text: built apart").isNotSameAs(first);
		verify(this.attachments, times(2)).bytes(id);
	}

}
