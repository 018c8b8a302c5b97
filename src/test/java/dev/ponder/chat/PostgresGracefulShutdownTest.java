package dev.ponder.chat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.ExtendWith;

import dev.ponder.testing.PostgresUnderTest;

/** Graceful shutdown on PostgreSQL. */
@ExtendWith(PostgresUnderTest.Required.class)
class PostgresGracefulShutdownTest extends GracefulShutdownContract {

	private final List<String> arguments = new ArrayList<>();

	PostgresGracefulShutdownTest() {
		PostgresUnderTest.register((name, value) -> this.arguments.add("--" + name + "=" + value.get()));
	}

	@Override
	List<String> databaseArguments() {
		return this.arguments;
	}

}
