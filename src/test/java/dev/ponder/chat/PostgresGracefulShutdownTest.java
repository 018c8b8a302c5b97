package dev.ponder.chat;

import java.util.List;

import org.junit.jupiter.api.extension.ExtendWith;

import dev.ponder.testing.PostgresUnderTest;

/** Graceful shutdown on PostgreSQL. */
@ExtendWith(PostgresUnderTest.Required.class)
class PostgresGracefulShutdownTest extends GracefulShutdownContract {

	private final List<String> arguments = PostgresUnderTest.arguments();

	@Override
	List<String> databaseArguments() {
		return this.arguments;
	}

}
