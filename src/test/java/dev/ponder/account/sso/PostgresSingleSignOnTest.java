package dev.ponder.account.sso;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ponder.testing.PostgresUnderTest;

/** Single sign-on on PostgreSQL, with the same migrations. */
@ExtendWith(PostgresUnderTest.Required.class)
class PostgresSingleSignOnTest extends SingleSignOnContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresUnderTest.register(registry);
	}

}
