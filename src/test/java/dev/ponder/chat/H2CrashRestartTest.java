package dev.ponder.chat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** A crash and a restart on an H2 file, as the image keeps it in its volume. */
class H2CrashRestartTest extends CrashRestartContract {

	private final Path database = Path.of("target", "crash-restart", UUID.randomUUID().toString(), "ponder");

	@Override
	List<String> databaseArguments() {
		// As application.yml and the image set it: without WRITE_DELAY=0, H2 keeps
		// commits
		// up to 500 ms before writing them, and a kill loses the last checkpoint.
		return List.of("--spring.datasource.url=jdbc:h2:file:" + this.database.toAbsolutePath() + ";WRITE_DELAY=0");
	}

}
