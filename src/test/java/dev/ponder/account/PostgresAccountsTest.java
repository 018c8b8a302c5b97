package dev.ponder.account;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ponder.testing.PostgresUnderTest;

/** Accounts on PostgreSQL, with the same migrations. */
@ExtendWith(PostgresUnderTest.Required.class)
class PostgresAccountsTest extends AccountsContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresUnderTest.register(registry);
	}

}
