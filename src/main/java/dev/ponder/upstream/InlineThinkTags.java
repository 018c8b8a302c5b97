package dev.ponder.upstream;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Splits streamed content into reasoning and answer where a server without a reasoning
 * parser leaves think tags inline ({@code <think>…</think>} and its other spellings).
 * <p>
 * Tags may be split across chunks at any character, so the shortest tail that could still
 * become a tag is held back until the next chunk shows whether it does. One instance per
 * stream; not thread-safe.
 */
final class InlineThinkTags {

	private static final List<String> OPENING = List.of("<think>", "<thinking>", "<reasoning>", "◁think▷");

	private static final List<String> CLOSING = List.of("</think>", "</thinking>", "</reasoning>", "◁/think▷");

	private static final List<String> ALL_TAGS = Stream.concat(OPENING.stream(), CLOSING.stream()).toList();

	private static final int LONGEST_TAG = ALL_TAGS.stream().mapToInt(String::length).max().orElseThrow();

	private final StringBuilder pending = new StringBuilder();

	private Mode mode = Mode.START;

	private String closingTag;

	private boolean skippingWhitespace;

	private boolean contentEmitted;

	/** Takes the next piece of content and returns what it is now known to be. */
	List<UpstreamEvent> accept(String text) {
		this.pending.append(text);
		List<UpstreamEvent> events = new ArrayList<>();
		boolean more = true;
		while (more) {
			more = step(events);
		}
		return events;
	}

	/**
	 * Releases what is still held back at the end of the stream: a tag that never
	 * completed is text of whatever part it was in. Nothing is parsed afterwards.
	 */
	List<UpstreamEvent> finish() {
		List<UpstreamEvent> events = new ArrayList<>();
		if (!this.skippingWhitespace && !this.pending.toString().isBlank()) {
			if (this.mode == Mode.REASONING) {
				reasoning(events, this.pending.toString());
			}
			else {
				content(events, this.pending.toString());
			}
		}
		this.pending.setLength(0);
		this.mode = Mode.PLAIN;
		this.skippingWhitespace = false;
		return events;
	}

	/** Handles what is pending in the current mode; true if it should be called again. */
	private boolean step(List<UpstreamEvent> events) {
		if (this.skippingWhitespace && !skipLeadingWhitespace()) {
			return false;
		}
		return switch (this.mode) {
			case START -> atStart();
			case REASONING -> inReasoning(events);
			case CONTENT -> inContent(events);
			case PLAIN -> plain(events);
		};
	}

	// An opening tag only counts at the very start: later on it is the answer talking
	// about tags.
	private boolean atStart() {
		String text = this.pending.toString();
		String rest = text.stripLeading();
		if (rest.isEmpty()) {
			return false;
		}
		for (int i = 0; i < OPENING.size(); i++) {
			if (rest.startsWith(OPENING.get(i))) {
				this.pending.delete(0, text.length() - rest.length() + OPENING.get(i).length());
				enter(Mode.REASONING, CLOSING.get(i));
				return true;
			}
		}
		if (OPENING.stream().anyMatch((tag) -> tag.startsWith(rest))) {
			return false;
		}
		this.mode = Mode.CONTENT;
		return true;
	}

	private boolean inReasoning(List<UpstreamEvent> events) {
		Optional<Found> close = find(List.of(this.closingTag));
		if (close.isPresent()) {
			reasoning(events, this.pending.substring(0, close.get().start()));
			this.pending.delete(0, close.get().end());
			enter(Mode.PLAIN, null);
			return true;
		}
		release(events, List.of(this.closingTag), true);
		return false;
	}

	// A closing tag with no opening one means the chat template opened the block in the
	// prompt: everything so far was reasoning. An opening tag first means the answer is
	// talking about tags, so nothing more is parsed.
	private boolean inContent(List<UpstreamEvent> events) {
		Optional<Found> open = find(OPENING);
		Optional<Found> close = find(CLOSING);
		if (open.isPresent() && (close.isEmpty() || open.get().start() < close.get().start())) {
			this.mode = Mode.PLAIN;
			return true;
		}
		if (close.isPresent()) {
			if (this.contentEmitted) {
				events.add(new UpstreamEvent.ContentWasReasoning());
			}
			reasoning(events, this.pending.substring(0, close.get().start()));
			this.pending.delete(0, close.get().end());
			enter(Mode.PLAIN, null);
			return true;
		}
		release(events, ALL_TAGS, false);
		return false;
	}

	private boolean plain(List<UpstreamEvent> events) {
		content(events, this.pending.toString());
		this.pending.setLength(0);
		return false;
	}

	// Whitespace right after a tag is layout ("<think>\n", "</think>\n\n"), not text.
	private void enter(Mode next, String closing) {
		this.mode = next;
		this.closingTag = closing;
		this.skippingWhitespace = true;
	}

	private boolean skipLeadingWhitespace() {
		int i = 0;
		while (i < this.pending.length() && Character.isWhitespace(this.pending.charAt(i))) {
			i++;
		}
		this.pending.delete(0, i);
		this.skippingWhitespace = this.pending.isEmpty();
		return !this.skippingWhitespace;
	}

	/** Emits everything pending except the shortest tail that may still become a tag. */
	private void release(List<UpstreamEvent> events, List<String> tags, boolean asReasoning) {
		int keepFrom = heldBackFrom(tags);
		String released = this.pending.substring(0, keepFrom);
		this.pending.delete(0, keepFrom);
		if (asReasoning) {
			reasoning(events, released);
		}
		else {
			content(events, released);
		}
	}

	private int heldBackFrom(List<String> tags) {
		for (int from = Math.max(0, this.pending.length() - LONGEST_TAG); from < this.pending.length(); from++) {
			String tail = this.pending.substring(from);
			if (tags.stream().anyMatch((tag) -> tag.startsWith(tail))) {
				return from;
			}
		}
		return this.pending.length();
	}

	/** Where the earliest of the given tags is in what is pending. */
	private Optional<Found> find(List<String> tags) {
		Found first = null;
		for (String tag : tags) {
			int start = this.pending.indexOf(tag);
			if (start >= 0 && (first == null || start < first.start())) {
				first = new Found(start, start + tag.length());
			}
		}
		return Optional.ofNullable(first);
	}

	private void reasoning(List<UpstreamEvent> events, String text) {
		if (!text.isEmpty()) {
			events.add(new UpstreamEvent.Reasoning(text));
		}
	}

	private void content(List<UpstreamEvent> events, String text) {
		if (!text.isEmpty()) {
			events.add(new UpstreamEvent.Content(text));
			this.contentEmitted = true;
		}
	}

	private record Found(int start, int end) {
	}

	private enum Mode {

		/** Nothing but whitespace so far: an opening tag may still come. */
		START,

		/** Inside a block opened in the content, until its closing tag. */
		REASONING,

		/** Answer text, unless a closing tag shows it was reasoning. */
		CONTENT,

		/** The answer, with no more tags to interpret. */
		PLAIN

	}

}
