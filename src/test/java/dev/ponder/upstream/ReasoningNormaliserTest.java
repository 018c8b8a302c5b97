package dev.ponder.upstream;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReasoningNormaliserTest {

	@Test
	void identicalReasoningAndDetailsCountOnce() {
		Transcript transcript = Transcript.of("openrouter-reasoning.sse");

		assertThat(transcript.reasoning()).isEqualTo("The user asks whether 1001 is prime."
				+ " Try small primes: it is odd, its digit sum is 2 so 3 does not divide it, and it does not end in 0 or 5."
				+ " 1001 / 7 = 143, and 143 = 11 × 13. So 1001 = 7 × 11 × 13: not prime.");
		assertThat(transcript.content())
			.isEqualTo("No. 1001 is not prime: it factors as 7 × 11 × 13, so 7, 11 and 13 all divide it.");
	}

	@Test
	void reasoningDetailsAreKeptRawIncludingTheSignature() {
		Transcript transcript = Transcript.of("openrouter-reasoning.sse");

		assertThat(transcript.details()).hasSize(6).allMatch((detail) -> detail.type().equals(ReasoningDetail.TEXT));
		assertThat(transcript.details().get(5).signature()).startsWith("ErUBCkYIBRgC");
		assertThat(transcript.details().get(0).format()).isEqualTo("anthropic-claude-v1");
	}

	@Test
	void encryptedDetailsAreKeptButNeverShown() {
		Transcript transcript = Transcript.of("openrouter-reasoning-details-only.sse");

		assertThat(transcript.reasoning()).isEqualTo(
				"**Checking the multiplication**\n\nI split 17 × 23 into 17 × 20 plus 17 × 3, which is 340 + 51. That gives 391.");
		assertThat(transcript.reasoning()).doesNotContain("REDACTED");
		assertThat(transcript.content()).isEqualTo("17 × 23 = **391**.");
		assertThat(transcript.details()).extracting(ReasoningDetail::type)
			.containsExactly(ReasoningDetail.SUMMARY, ReasoningDetail.SUMMARY, ReasoningDetail.SUMMARY,
					ReasoningDetail.SUMMARY, ReasoningDetail.ENCRYPTED);
		assertThat(transcript.details().get(4).data()).isEqualTo("[REDACTED]");
	}

	@Test
	void severalDetailsInOneChunkAreOneEventInOrder() {
		Transcript transcript = Transcript.of("openrouter-reasoning-details-only.sse");

		assertThat(transcript.events()).filteredOn(UpstreamEvent.ReasoningDetails.class::isInstance)
			.map((event) -> ((UpstreamEvent.ReasoningDetails) event).details().size())
			.containsExactly(1, 2, 2);
	}

	@Test
	void deepSeekReasoningContentIsReasoning() {
		Transcript transcript = Transcript.of("deepseek-reasoning-content.sse");

		assertThat(transcript.reasoning()).isEqualTo("Okay, the user wants to know which is larger, 9.11 or 9.8."
				+ " Compare the tenths: 9.8 has 8 tenths, 9.11 has only 1. So 9.8 is larger.");
		assertThat(transcript.content()).isEqualTo("9.8 is larger. After the decimal point, 0.8 > 0.11.");
		assertThat(transcript.details()).isEmpty();
	}

	@Test
	void vllmReasoningFieldIsReasoning() {
		Transcript transcript = Transcript.of("vllm-reasoning.sse");

		assertThat(transcript.reasoning()).isEqualTo("Okay, the user wants the capital of Australia."
				+ " Many people guess Sydney, but the capital is Canberra, chosen as a compromise between Sydney and Melbourne.");
		assertThat(transcript.content())
			.isEqualTo("\n\nThe capital of Australia is **Canberra**. Sydney is its largest city.");
	}

	@Test
	void ollamaReasoningFieldIsReasoning() {
		Transcript transcript = Transcript.of("ollama-reasoning.sse");

		assertThat(transcript.reasoning())
			.isEqualTo("Okay, the user asks how many legs a spider has. Spiders are arachnids, so eight.");
		assertThat(transcript.content()).isEqualTo("A spider has **eight** legs.");
	}

	@Test
	void inlineThinkTagsFromLlamaCppAreReasoning() {
		Transcript transcript = Transcript.of("llamacpp-think-tags.sse");

		assertThat(transcript.reasoning())
			.isEqualTo("Okay, the user asks for 15% of 80. 10% is 8 and 5% is 4, so 15% is 12.\n");
		assertThat(transcript.content()).isEqualTo("15% of 80 is **12**.");
	}

	@Test
	void reasoningSplitAcrossThinkTagsIsStillReasoning() {
		Transcript transcript = Transcript.of("think-tags-split.sse");

		assertThat(transcript.reasoning())
			.isEqualTo("The train covers 120 km in 1.5 h, so its speed is 120 / 1.5 = 80 km/h.\n");
		assertThat(transcript.content()).isEqualTo("The average speed is **80 km/h**.");
	}

	@Test
	void streamStartingInsideThinkBlockMovesEarlierContentToReasoning() {
		Transcript transcript = Transcript.of("think-open-in-prompt.sse");

		assertThat(transcript.events().get(0)).isEqualTo(new UpstreamEvent.Content("Okay, the user"));
		assertThat(transcript.events()).containsOnlyOnce(new UpstreamEvent.ContentWasReasoning());
		assertThat(transcript.reasoning())
			.isEqualTo("Okay, the user wants to know if 91 is prime. 91 = 7 × 13, so it is not.\n");
		assertThat(transcript.content()).isEqualTo("No, 91 is not prime: it equals 7 × 13.");
	}

	@Test
	void unclosedThinkMeansNoAnswer() {
		Transcript transcript = Transcript.of("think-unclosed-length.sse");

		assertThat(transcript.reasoning())
			.isEqualTo("Let n be the number. Dividing n by 7 leaves a remainder r, where 0 ≤ r <");
		assertThat(transcript.content()).isEmpty();
	}

	@Test
	void thinkingTagIsReasoningEvenWhenItsEndLooksLikeThinkAtFirst() {
		Transcript transcript = Transcript.of("thinking-tag-variants.sse");

		assertThat(transcript.reasoning()).isEqualTo("A dozen is 12, so three dozen eggs is 3 × 12 = 36.\n");
		assertThat(transcript.content()).isEqualTo("Three dozen eggs is **36** eggs.");
	}

	@Test
	void kimiTriangleTagsAreReasoning() {
		Transcript transcript = Transcript.of("kimi-think-tags.sse");

		assertThat(transcript.reasoning())
			.isEqualTo("The user asks for the opposite of \"ancient\". That is \"modern\".");
		assertThat(transcript.content()).isEqualTo("The opposite of \"ancient\" is **modern**.");
	}

	@Test
	void answerWithoutReasoningIsLeftAloneEvenWhenItMentionsTags() {
		Transcript transcript = Transcript.of("no-reasoning.sse");

		assertThat(transcript.reasoning()).isEmpty();
		assertThat(transcript.content()).isEqualTo("In Python, `a < b` is `True` when a is smaller."
				+ " Reasoning models often wrap their thoughts in `<think>` and `</think>` tags.");
		assertThat(transcript.events()).doesNotContain(new UpstreamEvent.ContentWasReasoning());
	}

	@ParameterizedTest
	@ValueSource(strings = { "openrouter-reasoning.sse", "openrouter-reasoning-details-only.sse",
			"deepseek-reasoning-content.sse", "vllm-reasoning.sse", "ollama-reasoning.sse", "llamacpp-think-tags.sse",
			"think-tags-split.sse", "think-open-in-prompt.sse", "think-unclosed-length.sse",
			"thinking-tag-variants.sse", "kimi-think-tags.sse", "no-reasoning.sse" })
	void neverEmitsEmptyTextOrFinished(String fixture) {
		Transcript transcript = Transcript.of(fixture);

		assertThat(transcript.events()).noneMatch(UpstreamEvent.Finished.class::isInstance)
			.noneMatch((event) -> event instanceof UpstreamEvent.Reasoning reasoning && reasoning.text().isEmpty())
			.noneMatch((event) -> event instanceof UpstreamEvent.Content content && content.text().isEmpty());
	}

	@ParameterizedTest
	@ValueSource(strings = { "llamacpp-think-tags.sse", "think-tags-split.sse", "think-open-in-prompt.sse",
			"think-unclosed-length.sse", "thinking-tag-variants.sse", "kimi-think-tags.sse", "no-reasoning.sse" })
	void thinkTagsGiveTheSameTextHoweverTheContentIsSplit(String fixture) {
		Transcript asStreamed = Transcript.of(fixture);
		String content = SseFixture.chunks(fixture)
			.stream()
			.map(ChatChunk::firstChoice)
			.filter((choice) -> choice != null && choice.delta() != null && choice.delta().content() != null)
			.map((choice) -> choice.delta().content())
			.collect(Collectors.joining());

		Transcript oneCharAtATime = Transcript.ofContent(content.chars().mapToObj(Character::toString).toList());
		assertThat(oneCharAtATime.reasoning()).isEqualTo(asStreamed.reasoning());
		assertThat(oneCharAtATime.content()).isEqualTo(asStreamed.content());
		for (int split = 0; split <= content.length(); split++) {
			Transcript inTwo = Transcript.ofContent(List.of(content.substring(0, split), content.substring(split)));
			assertThat(inTwo.reasoning()).as("split at %d", split).isEqualTo(asStreamed.reasoning());
			assertThat(inTwo.content()).as("split at %d", split).isEqualTo(asStreamed.content());
		}
	}

	@Test
	void usageOnlyChunkAddsNothing() {
		ChatChunk usageOnly = new ChatChunk("gen-1", "chat.completion.chunk", "m", "p", List.of(),
				new Usage(10, 20, 30, null, null, null), null, null, null, null);
		ReasoningNormaliser normaliser = new ReasoningNormaliser();

		assertThat(normaliser.accept(usageOnly)).isEmpty();
		assertThat(normaliser.accept(chunk(null))).isEmpty();
	}

	@Test
	void reasoningFieldWinsOverReasoningContentWithTheSameText() {
		ReasoningNormaliser normaliser = new ReasoningNormaliser();

		List<UpstreamEvent> events = normaliser.accept(chunk(new Delta(null, null, "Hmm", "Hmm", null)));

		assertThat(events).containsExactly(new UpstreamEvent.Reasoning("Hmm"));
	}

	@Test
	void reasoningDetailsWinWhenTheyDisagreeWithTheReasoningField() {
		ReasoningNormaliser normaliser = new ReasoningNormaliser();
		ReasoningDetail text = new ReasoningDetail(ReasoningDetail.TEXT, "Checking 17 × 23 by parts.", null, null, null,
				null, "anthropic-claude-v1", 0);

		List<UpstreamEvent> events = normaliser.accept(chunk(new Delta(null, null, "Checking", null, List.of(text))));

		assertThat(events).containsExactly(new UpstreamEvent.Reasoning("Checking 17 × 23 by parts."),
				new UpstreamEvent.ReasoningDetails(List.of(text)));
	}

	@Test
	void aSummaryInTheDetailsIsShownRatherThanADifferentReasoningField() {
		ReasoningNormaliser normaliser = new ReasoningNormaliser();
		ReasoningDetail summary = new ReasoningDetail(ReasoningDetail.SUMMARY, null, "**Splitting the product**", null,
				null, null, "openai-responses-v1", 0);

		List<UpstreamEvent> events = normaliser
			.accept(chunk(new Delta(null, null, "raw tokens", null, List.of(summary))));

		assertThat(events).first().isEqualTo(new UpstreamEvent.Reasoning("**Splitting the product**"));
	}

	@Test
	void detailsWithoutReadableTextLeaveTheReasoningFieldToSpeak() {
		ReasoningNormaliser normaliser = new ReasoningNormaliser();
		ReasoningDetail encrypted = new ReasoningDetail(ReasoningDetail.ENCRYPTED, null, null, "gAAAAB", null, "rs_1",
				"openai-responses-v1", 0);

		List<UpstreamEvent> events = normaliser
			.accept(chunk(new Delta(null, null, "Visible words", null, List.of(encrypted))));

		assertThat(events).first().isEqualTo(new UpstreamEvent.Reasoning("Visible words"));
	}

	@Test
	void tagsInContentAreJustTextOnceAFieldCarriedReasoning() {
		ReasoningNormaliser normaliser = new ReasoningNormaliser();
		normaliser.accept(chunk(new Delta(null, null, null, "Plan.", null)));

		List<UpstreamEvent> events = normaliser.accept(chunk(new Delta(null, "The </think> tag", null, null, null)));

		assertThat(events).containsExactly(new UpstreamEvent.Content("The </think> tag"));
	}

	@Test
	void encryptedDetailsAloneStopTagParsingToo() {
		ReasoningNormaliser normaliser = new ReasoningNormaliser();
		ReasoningDetail encrypted = new ReasoningDetail(ReasoningDetail.ENCRYPTED, null, null, "gAAAAB", null, "rs_1",
				"openai-responses-v1", 0);

		List<UpstreamEvent> first = normaliser.accept(chunk(new Delta(null, null, null, null, List.of(encrypted))));
		List<UpstreamEvent> second = normaliser.accept(chunk(new Delta(null, "a</think>b", null, null, null)));

		assertThat(first).containsExactly(new UpstreamEvent.ReasoningDetails(List.of(encrypted)));
		assertThat(second).containsExactly(new UpstreamEvent.Content("a</think>b"));
	}

	@Test
	void contentHeldBackIsReleasedWhenAFieldStartsCarryingReasoning() {
		ReasoningNormaliser normaliser = new ReasoningNormaliser();

		List<UpstreamEvent> first = normaliser.accept(chunk(new Delta("assistant", "<", null, null, null)));
		List<UpstreamEvent> second = normaliser.accept(chunk(new Delta(null, null, "Think.", null, null)));

		assertThat(first).isEmpty();
		assertThat(second).containsExactly(new UpstreamEvent.Content("<"), new UpstreamEvent.Reasoning("Think."));
		assertThat(normaliser.finish()).isEmpty();
	}

	private static ChatChunk chunk(Delta delta) {
		return new ChatChunk("gen-1", "chat.completion.chunk", "m", "p", List.of(new Choice(0, delta, null, null)),
				null, null, null, null, null);
	}

	/** What a person would see: the events of one stream applied in order. */
	static final class Transcript {

		private final StringBuilder reasoning = new StringBuilder();

		private final StringBuilder content = new StringBuilder();

		private final List<ReasoningDetail> details = new ArrayList<>();

		private final List<UpstreamEvent> events = new ArrayList<>();

		static Transcript of(String fixture) {
			return of(SseFixture.chunks(fixture));
		}

		static Transcript ofContent(List<String> pieces) {
			return of(pieces.stream().map((piece) -> chunk(new Delta(null, piece, null, null, null))).toList());
		}

		private static Transcript of(List<ChatChunk> chunks) {
			ReasoningNormaliser normaliser = new ReasoningNormaliser();
			Transcript transcript = new Transcript();
			chunks.forEach((chunk) -> transcript.apply(normaliser.accept(chunk)));
			transcript.apply(normaliser.finish());
			return transcript;
		}

		private void apply(List<UpstreamEvent> more) {
			for (UpstreamEvent event : more) {
				this.events.add(event);
				if (event instanceof UpstreamEvent.Reasoning reasoning) {
					this.reasoning.append(reasoning.text());
				}
				else if (event instanceof UpstreamEvent.Content content) {
					this.content.append(content.text());
				}
				else if (event instanceof UpstreamEvent.ReasoningDetails reasoningDetails) {
					this.details.addAll(reasoningDetails.details());
				}
				else if (event instanceof UpstreamEvent.ContentWasReasoning) {
					this.reasoning.append(this.content);
					this.content.setLength(0);
				}
			}
		}

		String reasoning() {
			return this.reasoning.toString();
		}

		String content() {
			return this.content.toString();
		}

		List<ReasoningDetail> details() {
			return this.details;
		}

		List<UpstreamEvent> events() {
			return this.events;
		}

	}

}
