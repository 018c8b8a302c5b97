package dev.ponder.conversation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts the short excerpt around a search match and says where the matched words are in
 * it. The database finds the rows; this only shows a person why each one was found.
 */
final class Excerpts {

	private static final int WIDTH = 160;

	private static final int BEFORE = 50;

	private final List<Pattern> terms;

	Excerpts(String query) {
		this.terms = Arrays.stream(query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
			.filter((term) -> !term.isBlank())
			.distinct()
			.map((term) -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(term),
					Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
			.toList();
	}

	/** The excerpt around the first matched word of {@code text}, if any word matches. */
	Optional<SearchResult.Match> find(String text, java.util.UUID messageId, String in) {
		if (text == null || text.isEmpty()) {
			return Optional.empty();
		}
		int first = -1;
		for (Pattern term : this.terms) {
			Matcher matcher = term.matcher(text);
			if (matcher.find() && (first < 0 || matcher.start() < first)) {
				first = matcher.start();
			}
		}
		if (first < 0) {
			return Optional.empty();
		}
		int start = Math.max(0, first - BEFORE);
		int end = Math.min(text.length(), start + WIDTH);
		start = Math.max(0, Math.min(start, end - WIDTH));
		String prefix = (start > 0) ? "…" : "";
		String window = text.substring(start, end).replaceAll("\\s", " ");
		String excerpt = prefix + window + ((end < text.length()) ? "…" : "");
		return Optional.of(new SearchResult.Match(messageId, in, excerpt, marks(window, prefix.length())));
	}

	private List<List<Integer>> marks(String window, int offset) {
		List<List<Integer>> marks = new ArrayList<>();
		for (Pattern term : this.terms) {
			Matcher matcher = term.matcher(window);
			while (matcher.find()) {
				marks.add(List.of(offset + matcher.start(), offset + matcher.end()));
			}
		}
		marks.sort((a, b) -> Integer.compare(a.get(0), b.get(0)));
		return marks;
	}

}
