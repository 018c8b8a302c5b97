package dev.ponder.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/** Reads a recorded SSE stream from {@code src/test/resources/streams/} as chunks. */
final class SseFixture {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SseFixture() {
	}

	/** The chunks of a fixture, in order: comment lines and {@code [DONE]} left out. */
	static List<ChatChunk> chunks(String name) {
		return lines(name).stream()
			.filter((line) -> line.startsWith("data:"))
			.map((line) -> line.substring("data:".length()).strip())
			.filter((data) -> !data.equals("[DONE]"))
			.map((data) -> JSON.readValue(data, ChatChunk.class))
			.toList();
	}

	private static List<String> lines(String name) {
		try (InputStream in = SseFixture.class.getResourceAsStream("/streams/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
