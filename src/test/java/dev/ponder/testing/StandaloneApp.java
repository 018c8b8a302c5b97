package dev.ponder.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.ponder.PonderApplication;

/**
 * Ponder started outside Spring's test contexts, configured only by arguments as a
 * deployment configures it: for tests of starting, stopping and starting again.
 */
public final class StandaloneApp {

	private StandaloneApp() {
	}

	/**
	 * The arguments every such start needs (the shared fake upstream, a key, no model
	 * lists fetched in the background), then {@code more}.
	 */
	public static List<String> arguments(String... more) {
		List<String> arguments = new ArrayList<>(
				List.of("--openrouter.api-key=sk-test", "--openrouter.base-url=" + SharedUpstream.get().baseUrl(),
						"--ponder.catalog.refresh-in-background=false"));
		arguments.addAll(Arrays.asList(more));
		return arguments;
	}

	public static ConfigurableApplicationContext start(List<String> arguments) {
		return new SpringApplicationBuilder(PonderApplication.class).run(arguments.toArray(String[]::new));
	}

	/** The port a start with {@code --server.port=0} got. */
	public static int port(ConfigurableApplicationContext app) {
		return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
	}

}
