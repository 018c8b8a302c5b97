package dev.ponder.testing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Keeps every Ponder started from the test classpath (Spring test contexts, apps started
 * by {@link StandaloneApp}, and {@link PonderProcess} JVMs alike) from reaching any host
 * but this machine: each request its WebClients make to another host is refused before it
 * leaves, logged, and recorded, and {@link NoReachOutsExtension} fails the test during
 * which it was made.
 * <p>
 * A test auto-configuration (listed in the test classpath's
 * {@code META-INF/spring/…AutoConfiguration.imports}), so that no context can be built
 * without it.
 */
@AutoConfiguration
public class OutgoingRequestGuard {

	private static final Logger logger = LoggerFactory.getLogger(OutgoingRequestGuard.class);

	private static final List<String> refused = new ArrayList<>();

	@Bean
	WebClientCustomizer localHostsOnly() {
		return (builder) -> builder.filter((request, next) -> {
			if (isLocal(request.url())) {
				return next.exchange(request);
			}
			String reachOut = request.method() + " " + request.url() + " (thread " + Thread.currentThread().getName()
					+ ")";
			record(reachOut);
			logger.error("A test tried to reach a host that is not local: {}. Point the app at the FakeUpstream.",
					reachOut);
			return Mono.error(new IllegalStateException("A test tried to reach " + request.url()
					+ "; tests must point every endpoint at a local FakeUpstream"));
		});
	}

	static boolean isLocal(URI url) {
		String host = (url.getHost() != null) ? url.getHost() : "";
		// Names, not addresses: resolving a name would itself ask the network.
		return host.equals("localhost") || host.matches("127(\\.\\d{1,3}){3}") || host.equals("[::1]")
				|| host.equals("::1");
	}

	private static synchronized void record(String reachOut) {
		refused.add(reachOut);
	}

	/** The requests refused since the last call, forgotten as they are returned. */
	public static synchronized List<String> drain() {
		List<String> drained = List.copyOf(refused);
		refused.clear();
		return drained;
	}

}
