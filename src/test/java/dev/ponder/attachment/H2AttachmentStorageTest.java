package dev.ponder.attachment;

import org.springframework.boot.test.context.SpringBootTest;

/** Attachments kept in H2 (the default). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "ponder.auth=none", "spring.datasource.url=jdbc:h2:mem:attachment-storage;DB_CLOSE_DELAY=-1" })
class H2AttachmentStorageTest extends AttachmentStorageContract {

}
