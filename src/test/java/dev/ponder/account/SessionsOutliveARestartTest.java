package dev.ponder.account;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import dev.ponder.testing.StandaloneApp;
import dev.ponder.testing.Visitor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions are kept in the database, also by a single instance on its H2 file: a restart
 * does not log anyone out.
 */
class SessionsOutliveARestartTest {

	@TempDir
	Path directory;

	@Test
	void aBrowserLoggedInBeforeARestartIsStillLoggedInAfterIt() {
		List<String> arguments = StandaloneApp.arguments("--server.port=0",
				"--spring.datasource.url=jdbc:h2:file:" + this.directory.resolve("ponder") + ";WRITE_DELAY=0",
				"--ponder.admin.username=owner", "--ponder.admin.password=owner-password-1");
		Visitor browser;
		try (ConfigurableApplicationContext before = StandaloneApp.start(arguments)) {
			browser = new Visitor(StandaloneApp.port(before));
			browser.logIn("owner", "owner-password-1", false);
			assertThat(browser.get("/").statusCode()).isEqualTo(200);
		}

		try (ConfigurableApplicationContext after = StandaloneApp.start(arguments)) {
			assertThat(browser.at(StandaloneApp.port(after)).get("/").statusCode())
				.as("the same session cookie, without remember-me")
				.isEqualTo(200);
		}
	}

}
