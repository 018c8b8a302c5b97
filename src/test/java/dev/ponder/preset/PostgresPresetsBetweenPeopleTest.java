package dev.ponder.preset;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ponder.testing.PostgresUnderTest;

/** Presets between people on PostgreSQL, with the same migrations. */
@ExtendWith(PostgresUnderTest.Required.class)
class PostgresPresetsBetweenPeopleTest extends PresetsBetweenPeopleContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresUnderTest.register(registry);
	}

}
