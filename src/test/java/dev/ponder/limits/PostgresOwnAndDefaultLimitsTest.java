package dev.ponder.limits;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ponder.testing.PostgresUnderTest;

/** Own limits against the defaults on PostgreSQL, with the same migrations. */
@ExtendWith(PostgresUnderTest.Required.class)
class PostgresOwnAndDefaultLimitsTest extends OwnAndDefaultLimitsContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresUnderTest.register(registry);
	}

}
