package dev.ponder.upstream;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Turns the chunks of one upstream stream into reasoning and content events, whichever of
 * the servers' ways of sending reasoning the stream uses.
 * <p>
 * One instance per stream; not thread-safe. It never emits
 * {@link UpstreamEvent.Finished}: that is the client's, which sees the whole stream.
 */
public final class ReasoningNormaliser {

	private final InlineThinkTags inlineTags = new InlineThinkTags();

	private boolean fieldReasoningSeen;

	/** The events one chunk adds, in order; none for chunks without a delta. */
	public List<UpstreamEvent> accept(ChatChunk chunk) {
		Choice choice = chunk.firstChoice();
		if (choice == null || choice.delta() == null) {
			return List.of();
		}
		Delta delta = choice.delta();
		List<ReasoningDetail> details = (delta.reasoningDetails() != null) ? delta.reasoningDetails() : List.of();
		String reasoning = readableReasoning(delta, details);
		List<UpstreamEvent> events = new ArrayList<>();
		if (!this.fieldReasoningSeen && (!reasoning.isEmpty() || !details.isEmpty())) {
			// Reasoning comes through a field, so content has no tags to interpret.
			this.fieldReasoningSeen = true;
			events.addAll(this.inlineTags.finish());
		}
		if (!reasoning.isEmpty()) {
			events.add(new UpstreamEvent.Reasoning(reasoning));
		}
		if (!details.isEmpty()) {
			events.add(new UpstreamEvent.ReasoningDetails(details));
		}
		events.addAll(content(delta.content()));
		return events;
	}

	/** Releases what is still held back, once the stream has ended. */
	public List<UpstreamEvent> finish() {
		return this.inlineTags.finish();
	}

	private List<UpstreamEvent> content(String content) {
		if (content == null || content.isEmpty()) {
			return List.of();
		}
		if (this.fieldReasoningSeen) {
			return List.of(new UpstreamEvent.Content(content));
		}
		return this.inlineTags.accept(content);
	}

	/**
	 * The reasoning a person reads from one delta, counted once. OpenRouter often sends
	 * the same text in {@code reasoning} and in {@code reasoning_details}; when the two
	 * differ, its own client takes the details (their text, or their summary), so Ponder
	 * does too. Servers without details speak through {@code reasoning} or
	 * {@code reasoning_content}.
	 */
	private static String readableReasoning(Delta delta, List<ReasoningDetail> details) {
		String fromDetails = details.stream()
			.filter(Objects::nonNull)
			.map(ReasoningDetail::readableText)
			.collect(Collectors.joining());
		if (!fromDetails.isEmpty()) {
			return fromDetails;
		}
		if (delta.reasoning() != null && !delta.reasoning().isEmpty()) {
			return delta.reasoning();
		}
		return (delta.reasoningContent() != null) ? delta.reasoningContent() : "";
	}

}
