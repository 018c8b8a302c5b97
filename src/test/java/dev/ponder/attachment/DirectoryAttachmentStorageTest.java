package dev.ponder.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Attachments kept as files in a directory ({@code PONDER_ATTACHMENT_DIR}). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "ponder.auth=none", "spring.datasource.url=jdbc:h2:mem:attachment-directory;DB_CLOSE_DELAY=-1" })
class DirectoryAttachmentStorageTest extends AttachmentStorageContract {

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
