package dev.ponder.testing;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An application with accounts on, answered by the shared fake upstream, and its cast
 * ({@link TwoPeople}): the ground of the contracts, run on H2 and PostgreSQL, in which
 * one person must not reach another's things.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { TwoPeople.ACCOUNTS, "openrouter.api-key=" + AppTestSupport.API_KEY,
				"openrouter.idle-timeout=10s", "openrouter.first-byte-timeout=10s",
				"ponder.catalog.refresh-in-background=false", TwoPeople.ADMINISTRATOR,
				TwoPeople.ADMINISTRATOR_PASSWORD })
public abstract class TwoPeopleApplication {

	protected static final FakeUpstream upstream = SharedUpstream.get();

	@LocalServerPort
	protected int port;

	protected TwoPeople people;

	@DynamicPropertySource
	static void upstream(DynamicPropertyRegistry registry) {
		registry.add("openrouter.base-url", upstream::baseUrl);
	}

	@BeforeEach
	void twoPeople() {
		upstream.reset();
		this.people = TwoPeople.on(this.port);
	}

	protected Api anyone() {
		return this.people.anyone();
	}

	protected Api root() {
		return this.people.root();
	}

	protected Api alice() {
		return this.people.alice();
	}

	protected Api bob() {
		return this.people.bob();
	}

}
