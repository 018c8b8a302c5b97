package dev.ponder.chat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.ExtendWith;

import dev.ponder.testing.PostgresUnderTest;

/** A crash and a restart on PostgreSQL. */
@ExtendWith(PostgresUnderTest.Required.class)
class PostgresCrashRestartTest extends CrashRestartContract {

	private final List<String> arguments = new ArrayList<>();

	PostgresCrashRestartTest() {
		PostgresUnderTest.register((name, value) -> this.arguments.add("--" + name + "=" + value.get()));
	}

	@Override
	List<String> databaseArguments() {
		return this.arguments;
	}

}
