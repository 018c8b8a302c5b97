package dev.ponder.attachment;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ponder.testing.PostgresUnderTest;

/** Attachments kept in PostgreSQL, as bytea. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "ponder.auth=none")
@ExtendWith(PostgresUnderTest.Required.class)
class PostgresAttachmentStorageTest extends AttachmentStorageContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresUnderTest.register(registry);
	}

}
