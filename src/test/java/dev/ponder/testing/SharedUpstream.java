package dev.ponder.testing;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The one fake upstream of a test run, started on first use and stopped with the JVM, so
 * that cached Spring contexts keep pointing at a live server.
 */
public final class SharedUpstream {

	private static FakeUpstream instance;

	private SharedUpstream() {
	}

	/**
	 * Points a test context at the shared fake, with no model lists fetched in the
	 * background (tests ask for them when they need them: a background fetch would land
	 * among the requests another test counts).
	 */
	public static void register(DynamicPropertyRegistry registry) {
		registry.add("openrouter.base-url", get()::baseUrl);
		registry.add("ponder.catalog.refresh-in-background", () -> "false");
	}

	public static synchronized FakeUpstream get() {
		if (instance == null) {
			instance = FakeUpstream.start();
			Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "fake-upstream-stop"));
		}
		return instance;
	}

}
