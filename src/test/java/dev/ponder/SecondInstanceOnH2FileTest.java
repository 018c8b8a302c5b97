package dev.ponder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import dev.ponder.testing.StandaloneApp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2 is one process's database: a second Ponder started on the file of a running one
 * cannot work, and says so in a sentence instead of a wall of stack traces.
 */
class SecondInstanceOnH2FileTest {

	@TempDir
	Path directory;

	@Test
	void aSecondPonderOnTheSameH2FileStopsSayingWhyAndWhatToDo() throws Exception {
		String database = "--spring.datasource.url=jdbc:h2:file:" + this.directory.resolve("ponder")
				+ ";AUTO_SERVER=FALSE;WRITE_DELAY=0";
		try (ConfigurableApplicationContext first = StandaloneApp
			.start(StandaloneApp.arguments("--server.port=0", database))) {
			Path log = this.directory.resolve("second.log");
			List<String> command = new ArrayList<>(
					List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
							System.getProperty("java.class.path"), PonderApplication.class.getName()));
			command.addAll(StandaloneApp.arguments("--server.port=0", database));
			Process second = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			try {
				assertThat(second.waitFor(120, TimeUnit.SECONDS)).as("the second one gives up").isTrue();
			}
			finally {
				second.destroyForcibly();
			}

			assertThat(second.exitValue()).isNotZero();
			assertThat(Files.readString(log)).contains("APPLICATION FAILED TO START")
				.contains("Another process already has the H2 database")
				.contains("several Ponder instances cannot share one H2 file")
				.contains("SPRING_DATASOURCE_URL=jdbc:postgresql://")
				.doesNotContain("Application run failed");
			assertThat(first.isActive()).as("the first one carries on").isTrue();
		}
	}

}
