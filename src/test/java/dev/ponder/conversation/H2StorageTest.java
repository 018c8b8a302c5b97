package dev.ponder.conversation;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * Storage on the default database, H2 (in memory here, in a file in production).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "ponder.auth=none", "spring.datasource.url=jdbc:h2:mem:storage-test;DB_CLOSE_DELAY=-1" })
class H2StorageTest extends StorageContract {

}
