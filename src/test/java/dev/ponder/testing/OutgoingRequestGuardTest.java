package dev.ponder.testing;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.reactive.function.client.WebClient;

import dev.ponder.upstream.Endpoint;
import dev.ponder.upstream.OpenRouterProperties;
import dev.ponder.upstream.StreamObserver;
import dev.ponder.upstream.UpstreamClient;
import dev.ponder.upstream.UpstreamTimers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The guard is in every test context: the app's own client, pointed at the real
 * OpenRouter, is refused before anything leaves, and the attempt is recorded for
 * {@link NoReachOutsExtension} to fail the test with (this test takes the record itself).
 */
class OutgoingRequestGuardTest extends AppTestSupport {

	@Autowired
	WebClient.Builder webClients;

	@Autowired
	JsonMapper jsonMapper;

	@Autowired
	StreamObserver observer;

	@Autowired
	UpstreamTimers timers;

	@Test
	void aRequestForTheRealOpenRouterNeverLeavesAndIsRecorded() {
		Duration second = Duration.ofSeconds(1);
		Endpoint real = new Endpoint(Endpoint.OPENROUTER, URI.create("https://openrouter.ai/api/v1"), null,
				new Endpoint.Timeouts(second, second, second), null);
		UpstreamClient client = new UpstreamClient(this.webClients, real, this.jsonMapper, this.observer, this.timers,
				new OpenRouterProperties.Retry(0, Duration.ZERO, Duration.ZERO));

		assertThatThrownBy(() -> client.models(Duration.ofSeconds(10)).block())
			.hasMessageContaining("tests must point every endpoint at a local FakeUpstream");
		assertThat(OutgoingRequestGuard.drain()).singleElement()
			.asString()
			.startsWith("GET https://openrouter.ai/api/v1/models");
	}

	@Test
	void localHostsPass() {
		assertThat(OutgoingRequestGuard.isLocal(URI.create(upstream.baseUrl()))).isTrue();
		assertThat(OutgoingRequestGuard.isLocal(URI.create("http://localhost:11434/v1"))).isTrue();
		assertThat(OutgoingRequestGuard.isLocal(URI.create("http://[::1]:8080/v1"))).isTrue();
		assertThat(OutgoingRequestGuard.isLocal(URI.create("http://127.0.0.1.example.com/v1"))).isFalse();
	}

}
