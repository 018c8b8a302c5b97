package dev.ponder.openai;

import dev.ponder.testing.Chunks;
import dev.ponder.testing.Script;

/**
 * Every way the fake upstream can send a model's reasoning, each as one short answer
 * whose reasoning and content a client of Ponder's OpenAI-compatible API must read back
 * unchanged: whatever the upstream's wire shape, the API speaks OpenRouter's
 * {@code reasoning} (with the same text in {@code reasoning_content}).
 */
enum ClientReasoningShape {

	/**
	 * OpenRouter's {@code delta.reasoning}, repeated in a {@code reasoning.text} detail.
	 */
	OPENROUTER_REASONING("Nine tenths against one tenth.", "9.9 is bigger.") {
		@Override
		Script script() {
			return Script.stream()
				.chunk(Chunks.role())
				.comment(Script.PROCESSING)
				.chunk(Chunks.reasoning("Nine tenths "))
				.chunk(Chunks.reasoning("against one tenth."))
				.chunk(Chunks.content("9.9 is "))
				.chunk(Chunks.content("bigger."))
				.chunk(Chunks.finish("stop"))
				.chunk(Chunks.usage(12, 30, 24, 0.0012))
				.done();
		}
	},

	/**
	 * Only a {@code reasoning.summary} detail, as OpenAI's models send through
	 * OpenRouter.
	 */
	REASONING_SUMMARY("Compared the decimals digit by digit.", "9.9 is bigger.") {
		@Override
		Script script() {
			return Script.stream()
				.chunk(Chunks.role())
				.chunk(Chunks.reasoningSummary("Compared the decimals "))
				.chunk(Chunks.reasoningSummary("digit by digit."))
				.chunk(Chunks.content("9.9 is bigger."))
				.chunk(Chunks.finish("stop"))
				.chunk(Chunks.usage(12, 30, 24, 0.0012))
				.done();
		}
	},

	/**
	 * Only an encrypted block: kept for the model, never shown, so a client reads no
	 * reasoning at all.
	 */
	ENCRYPTED_REASONING(null, "9.9 is bigger.") {
		@Override
		Script script() {
			return Script.stream()
				.chunk(Chunks.role())
				.chunk(Chunks.encryptedReasoning("gAAAAABpQ0ZXc2VjcmV0LXJlYXNvbmluZw=="))
				.chunk(Chunks.content("9.9 is bigger."))
				.chunk(Chunks.finish("stop"))
				.chunk(Chunks.usage(12, 30, 24, 0.0012))
				.done();
		}
	},

	/** DeepSeek's, vLLM's and llama.cpp's {@code delta.reasoning_content}. */
	REASONING_CONTENT("Line the decimals up: 0.90 and 0.11.", "9.9 is bigger.") {
		@Override
		Script script() {
			return Script.stream()
				.chunk(Chunks.role())
				.chunk(Chunks.reasoningContent("Line the decimals up: "))
				.chunk(Chunks.reasoningContent("0.90 and 0.11."))
				.chunk(Chunks.content("9.9 is bigger."))
				.chunk(Chunks.finish("stop"))
				.chunk(Chunks.usage(12, 30, 24, 0.0012))
				.done();
		}
	},

	/**
	 * {@code <think>…</think>} inline in the content, the tags split across chunks, as
	 * open models served raw send it.
	 */
	INLINE_THINK_TAGS("Tenths first; nine beats one.", "9.9 is bigger.") {
		@Override
		Script script() {
			return Script.stream()
				.chunk(Chunks.role())
				.chunk(Chunks.content("<thi"))
				.chunk(Chunks.content("nk>Tenths first; "))
				.chunk(Chunks.content("nine beats one.</th"))
				.chunk(Chunks.content("ink>9.9 is "))
				.chunk(Chunks.content("bigger."))
				.chunk(Chunks.finish("stop"))
				.chunk(Chunks.usage(12, 30, 24, 0.0012))
				.done();
		}
	};

	static final long PROMPT_TOKENS = 12;

	static final long COMPLETION_TOKENS = 30;

	static final long REASONING_TOKENS = 24;

	static final double COST = 0.0012;

	private final String reasoning;

	private final String content;

	ClientReasoningShape(String reasoning, String content) {
		this.reasoning = reasoning;
		this.content = content;
	}

	/** What the fake upstream streams for one answer in this shape. */
	abstract Script script();

	/** The reasoning a client must read, or {@code null} for none. */
	String reasoning() {
		return this.reasoning;
	}

	/** The answer a client must read. */
	String content() {
		return this.content;
	}

}
