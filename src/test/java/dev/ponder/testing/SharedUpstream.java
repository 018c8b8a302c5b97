package dev.ponder.testing;

/**
 * The one fake upstream of a test run, started on first use and stopped with the JVM, so
 * that cached Spring contexts keep pointing at a live server.
 */
public final class SharedUpstream {

	private static FakeUpstream instance;

	private SharedUpstream() {
	}

	public static synchronized FakeUpstream get() {
		if (instance == null) {
			instance = FakeUpstream.start();
			Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "fake-upstream-stop"));
		}
		return instance;
	}

}
