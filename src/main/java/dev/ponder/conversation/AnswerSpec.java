package dev.ponder.conversation;

/**
 * Who answers and how: the model, the reasoning asked of it, and, for a relayed answer,
 * the model that thinks first.
 *
 * @param model the model that writes the answer ({@code null} on regenerating: the same
 * one)
 * @param reasoningSetting how hard it was asked to think, as stored with the answer
 * @param thinkerModel the model whose reasoning the answer is given, or {@code null}
 */
public record AnswerSpec(String model, String reasoningSetting, String thinkerModel) {

	/** One model thinks and answers. */
	public static AnswerSpec of(String model, String reasoningSetting) {
		return new AnswerSpec(model, reasoningSetting, null);
	}

}
