package dev.ponder.catalog;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The catalog's storage on H2, in the same context as the conversation storage tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "ponder.auth=none", "spring.datasource.url=jdbc:h2:mem:storage-test;DB_CLOSE_DELAY=-1" })
class H2CatalogStorageTest extends CatalogStorageContract {

}
