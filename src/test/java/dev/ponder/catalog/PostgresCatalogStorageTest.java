package dev.ponder.catalog;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ponder.testing.PostgresUnderTest;

/**
 * The catalog's storage on PostgreSQL, with the same Flyway migrations.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "ponder.auth=none")
@ExtendWith(PostgresUnderTest.Required.class)
class PostgresCatalogStorageTest extends CatalogStorageContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresUnderTest.register(registry);
	}

}
