package dev.ponder.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Attachments kept as files in a directory ({@code PONDER_ATTACHMENT_DIR}). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "ponder.auth=none", "spring.datasource.url=jdbc:h2:mem:attachment-directory;DB_CLOSE_DELAY=-1" })
class DirectoryAttachmentStorageTest extends AttachmentStorageContract {

	@Autowired
	AttachmentProperties properties;

	@Test
	void filesNoRowNamesAreDeletedOnceOldButOthersStay() throws IOException {
		AttachmentView kept = this.attachments
			.upload(new MockMultipartFile("file", "kept.txt", "text/plain", "kept".getBytes()));
		Path orphan = this.properties.dir().resolve(UUID.randomUUID().toString());
		Files.write(orphan, "left behind".getBytes());
		Path young = this.properties.dir().resolve(UUID.randomUUID().toString());
		Files.write(young, "on its way in".getBytes());
		FileTime old = FileTime.from(this.clock.instant().minus(Duration.ofDays(2)));
		Files.setLastModifiedTime(orphan, old);
		Files.setLastModifiedTime(this.properties.dir().resolve(kept.id().toString()), old);
		Files.setLastModifiedTime(young, FileTime.from(this.clock.instant()));

		this.cleanup.deleteOrphanedBytes();

		assertThat(orphan).doesNotExist();
		assertThat(young).exists();
		assertThat(this.attachments.content(kept.id()).bytes()).isEqualTo("kept".getBytes());
	}

	@DynamicPropertySource
	static void directory(DynamicPropertyRegistry registry) {
		try {
			Path directory = Files.createTempDirectory("ponder-attachments-");
			registry.add("ponder.attachment.dir", directory::toString);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
