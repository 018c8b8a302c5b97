package dev.ponder.limits;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ponder.testing.PostgresUnderTest;

/** Spending limits on PostgreSQL, with the same migrations: its row locks decide. */
@ExtendWith(PostgresUnderTest.Required.class)
class PostgresSpendingLimitsTest extends SpendingLimitsContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresUnderTest.register(registry);
	}

}
