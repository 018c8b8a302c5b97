package dev.ponder.chat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.ponder.PonderProperties;
import dev.ponder.attachment.AttachmentService;
import dev.ponder.attachment.AttachmentView;
import dev.ponder.catalog.ModelCatalog;
import dev.ponder.problem.ErrorCode;
import dev.ponder.problem.ProblemException;
import dev.ponder.upstream.UpstreamClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The files of one question are bounded together, not only one by one: they are all read,
 * encoded and held while the answer is asked for.
 */
class AnswerSetupTest {

	private static final long MB = 1024 * 1024;

	private final AttachmentService attachments = mock(AttachmentService.class);

	private final AnswerSetup setup = new AnswerSetup(mock(UpstreamClients.class), mock(PonderProperties.class),
			mock(ModelCatalog.class), this.attachments, mock(ImageGate.class));

	@Test
	void aQuestionsFilesTogetherMayComeToTheFilesBudget() {
		List<AttachmentView> files = List.of(text(20 * MB), text(12 * MB));
		when(this.attachments.sendable(any(), any())).thenReturn(files);

		assertThat(this.setup.checkFiles(UUID.randomUUID(), ids(files), List.of())).isEqualTo(files);
	}

	@Test
	void aQuestionsFilesTogetherOverTheFilesBudgetAreRefusedWithTheirTotal() {
		List<AttachmentView> files = List.of(text(20 * MB), text(20 * MB));
		when(this.attachments.sendable(any(), any())).thenReturn(files);

		assertThatThrownBy(() -> this.setup.checkFiles(UUID.randomUUID(), ids(files), List.of()))
			.isInstanceOfSatisfying(ProblemException.class, (refused) -> {
				assertThat(refused.errorCode()).isEqualTo(ErrorCode.ATTACHMENT_TOO_LARGE);
				assertThat(refused.getBody().getDetail())
					.isEqualTo("These files come to 40 MB together; a message may carry up to 32 MB.");
			});
	}

	private static AttachmentView text(long size) {
		UUID id = UUID.randomUUID();
		return new AttachmentView(id, id + ".txt", "text/plain", size, "text", "/files/" + id, null);
	}

	private static List<UUID> ids(List<AttachmentView> files) {
		return files.stream().map(AttachmentView::id).toList();
	}

}
