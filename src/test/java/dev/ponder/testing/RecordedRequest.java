package dev.ponder.testing;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A request {@link FakeUpstream} received: method, request target, headers (looked up
 * regardless of case) and body.
 */
public record RecordedRequest(String method, String uri, Map<String, List<String>> headers, String body) {

	public RecordedRequest {
		Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
		headers = Collections.unmodifiableMap(copy);
	}

	static RecordedRequest of(String method, String uri, HttpHeaders headers, String body) {
		Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.names().forEach((name) -> map.put(name, headers.getAll(name)));
		return new RecordedRequest(method, uri, map, body);
	}

	/** The path, without the query string: {@code /api/v1/chat/completions}. */
	public String path() {
		return new QueryStringDecoder(this.uri).path();
	}

	/** The first value of a query parameter. */
	public Optional<String> query(String name) {
		List<String> values = new QueryStringDecoder(this.uri).parameters().get(name);
		return (values == null || values.isEmpty()) ? Optional.empty() : Optional.of(values.get(0));
	}

	/** The first value of a header, such as {@code Authorization}. */
	public Optional<String> header(String name) {
		List<String> values = this.headers.get(name);
		return (values == null || values.isEmpty()) ? Optional.empty() : Optional.of(values.get(0));
	}

	/** The body parsed as JSON; fails the test if it is not JSON. */
	public JsonNode json() {
		try {
			return FakeGeneration.JSON.readTree(this.body);
		}
		catch (JacksonException ex) {
			throw new AssertionError("The body of " + this.method + " " + this.uri + " is not JSON: " + this.body, ex);
		}
	}

	@Override
	public String toString() {
		return this.method + " " + this.uri;
	}

}
