package dev.ponder.share;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ponder.testing.PostgresUnderTest;

/** Share links between people on PostgreSQL, with the same migrations. */
@ExtendWith(PostgresUnderTest.Required.class)
class PostgresShareLinksTest extends ShareLinksContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresUnderTest.register(registry);
	}

}
