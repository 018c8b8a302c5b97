package dev.ponder.openai;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ponder.testing.PostgresUnderTest;

/** Calls through the OpenAI-compatible API between people on PostgreSQL. */
@ExtendWith(PostgresUnderTest.Required.class)
class PostgresApiCallsBetweenPeopleTest extends ApiCallsBetweenPeopleContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresUnderTest.register(registry);
	}

}
