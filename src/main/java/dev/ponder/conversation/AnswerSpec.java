package dev.ponder.conversation;

/**
 * Who answers and how: the model, the reasoning asked of it, and, for a relayed answer,
 * the model that thinks first.
 *
 * @param model the model that writes the answer ({@code null} on regenerating: the same
 * one)
 * @param reasoningSetting how hard it was asked to think
 * @param thinkerModel the model whose reasoning the answer is given, or {@code null}
 * @param endpoint the endpoint that serves the model(s); OpenRouter when {@code null} (on
 * regenerating: the earlier answer's)
 * @param parameters the sampling set-up; the server's defaults when {@code null} (on
 * regenerating: the earlier answer's)
 */
public record AnswerSpec(String model, ReasoningSetting reasoningSetting, String thinkerModel, String endpoint,
		AnswerParameters parameters) {

	/** Who answers, with the server's sampling defaults. */
	public AnswerSpec(String model, ReasoningSetting reasoningSetting, String thinkerModel, String endpoint) {
		this(model, reasoningSetting, thinkerModel, endpoint, null);
	}

	/** Who answers, on OpenRouter. */
	public AnswerSpec(String model, ReasoningSetting reasoningSetting, String thinkerModel) {
		this(model, reasoningSetting, thinkerModel, null);
	}

	/** One model thinks and answers. */
	public static AnswerSpec of(String model, ReasoningSetting reasoningSetting) {
		return new AnswerSpec(model, reasoningSetting, null);
	}

}
