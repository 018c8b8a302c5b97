package dev.ponder.testing;

import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails the test (or the class, for what its contexts did around the tests) during which
 * the app tried to reach a host that is not this machine; see
 * {@link OutgoingRequestGuard}. Registered for every test by JUnit's extension
 * auto-detection ({@code junit-platform.properties}).
 * <p>
 * A background call (a model-list refresh) lands during whichever test runs then: the
 * message names the URL and the thread, which say whose it was.
 */
public class NoReachOutsExtension implements AfterEachCallback, AfterAllCallback {

	@Override
	public void afterEach(ExtensionContext context) {
		failOnReachOuts();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		failOnReachOuts();
	}

	private static void failOnReachOuts() {
		List<String> reachOuts = OutgoingRequestGuard.drain();
		if (!reachOuts.isEmpty()) {
			throw new AssertionError("No test may reach a host that is not local, but the app tried: " + reachOuts);
		}
	}

}
