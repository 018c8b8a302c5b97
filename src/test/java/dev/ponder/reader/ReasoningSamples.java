package dev.ponder.reader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The long reasoning samples under {@code src/test/resources/reasoning}, and ways to cut
 * them into a stream's chunks.
 */
final class ReasoningSamples {

	private ReasoningSamples() {
	}

	static String read(String name) {
		try (InputStream in = ReasoningSamples.class.getResourceAsStream("/reasoning/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No reasoning sample " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** text in pieces of about size characters, as a model's deltas arrive. */
	static List<String> chunks(String text, int size) {
		List<String> parts = new ArrayList<>();
		for (int at = 0; at < text.length(); at += size) {
			parts.add(text.substring(at, Math.min(text.length(), at + size)));
		}
		return parts;
	}

	/** The paragraphs of text: what is between blank lines. */
	static List<String> paragraphs(String text) {
		return List.of(text.strip().split("\\n\\s*\\n"));
	}

	/** How many times needle occurs in text, ignoring case. */
	static int occurrences(String text, String needle) {
		String haystack = text.toLowerCase();
		String lower = needle.toLowerCase();
		int found = 0;
		for (int at = haystack.indexOf(lower); at != -1; at = haystack.indexOf(lower, at + lower.length())) {
			found++;
		}
		return found;
	}

}
