package dev.ponder.upstream;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One {@link UpstreamClient} per configured endpoint: OpenRouter first (set by the
 * {@code OPENROUTER_*} variables), then the servers under {@code ponder.endpoints} by
 * name. Each client holds its own key and timeouts, so no key can reach another endpoint.
 */
@Component
public class UpstreamClients {

	private static final String NAME_PATTERN = "[a-z0-9]+";

	private final Map<String, UpstreamClient> clients;

	public UpstreamClients(WebClient.Builder webClientBuilder, OpenRouterProperties openRouter,
			EndpointsProperties others, JsonMapper jsonMapper, StreamObserver observer, UpstreamTimers timers) {
		Map<String, UpstreamClient> byName = new LinkedHashMap<>();
		for (Endpoint endpoint : endpoints(openRouter, others)) {
			byName.put(endpoint.name(),
					new UpstreamClient(webClientBuilder, endpoint, jsonMapper, observer, timers, openRouter.retry()));
		}
		this.clients = Collections.unmodifiableMap(byName);
	}

	/** The endpoints in the order pages list them. */
	static List<Endpoint> endpoints(OpenRouterProperties openRouter, EndpointsProperties others) {
		Endpoint.Timeouts defaults = new Endpoint.Timeouts(openRouter.connectTimeout(), openRouter.firstByteTimeout(),
				openRouter.idleTimeout());
		List<Endpoint> endpoints = new ArrayList<>();
		endpoints.add(new Endpoint(Endpoint.OPENROUTER, openRouter.baseUrl(), openRouter.apiKey(), defaults,
				new Endpoint.Attribution(openRouter.appUrl(), openRouter.appTitle())));
		Map<String, EndpointsProperties.Server> sorted = new TreeMap<>();
		others.endpoints().forEach((name, server) -> {
			String key = name.toLowerCase(Locale.ROOT);
			if (!key.matches(NAME_PATTERN)) {
				throw new IllegalStateException("The endpoint name '" + name
						+ "' may hold only letters and digits, so that PONDER_ENDPOINTS_<NAME>_BASEURL can name it.");
			}
			if (Endpoint.OPENROUTER.equals(key)) {
				throw new IllegalStateException(
						"The endpoint 'openrouter' is set by OPENROUTER_API_KEY and OPENROUTER_BASE_URL, not under ponder.endpoints.");
			}
			if (sorted.put(key, server) != null) {
				throw new IllegalStateException("The endpoint '" + key + "' is configured twice.");
			}
		});
		sorted.forEach((name,
				server) -> endpoints.add(new Endpoint(name, server.baseUrl(), server.apiKey(),
						new Endpoint.Timeouts(orDefault(server.connectTimeout(), defaults.connect()),
								orDefault(server.firstByteTimeout(), defaults.firstByte()),
								orDefault(server.idleTimeout(), defaults.idle())),
						null)));
		return endpoints;
	}

	private static <T> T orDefault(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	/**
	 * The client of the named endpoint.
	 * @throws UnknownEndpointException naming the known endpoints when there is none
	 */
	public UpstreamClient client(String name) {
		UpstreamClient client = this.clients.get(name);
		if (client == null) {
			throw new UnknownEndpointException(name, names());
		}
		return client;
	}

	/** OpenRouter's client, which is always there (with or without a key). */
	public UpstreamClient openRouter() {
		return this.clients.get(Endpoint.OPENROUTER);
	}

	public Collection<UpstreamClient> all() {
		return this.clients.values();
	}

	public List<String> names() {
		return List.copyOf(this.clients.keySet());
	}

}
