package dev.ponder.chat;

import java.util.List;

/** Graceful shutdown on H2. */
class H2GracefulShutdownTest extends GracefulShutdownContract {

	@Override
	List<String> databaseArguments() {
		return List.of("--spring.datasource.url=jdbc:h2:mem:graceful-shutdown;DB_CLOSE_DELAY=-1");
	}

}
