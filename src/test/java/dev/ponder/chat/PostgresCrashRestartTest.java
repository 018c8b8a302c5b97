package dev.ponder.chat;

import java.util.List;

import org.junit.jupiter.api.extension.ExtendWith;

import dev.ponder.testing.PostgresUnderTest;

/** A crash and a restart on PostgreSQL. */
@ExtendWith(PostgresUnderTest.Required.class)
class PostgresCrashRestartTest extends CrashRestartContract {

	private final List<String> arguments = PostgresUnderTest.arguments();

	@Override
	List<String> databaseArguments() {
		return this.arguments;
	}

}
