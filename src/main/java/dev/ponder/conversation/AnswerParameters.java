package dev.ponder.conversation;

import java.util.Collection;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

/**
 * The sampling set-up an answer is asked with, on top of its reasoning: each part is sent
 * only when set ({@code null} leaves the server's default), and only to a model whose
 * {@code supported_parameters} lists it.
 *
 * @param temperature randomness, 0 to 2
 * @param topP nucleus sampling, above 0 up to 1
 * @param maxTokens the longest answer in tokens, apart from the reasoning budget
 * @param seed a seed for repeatable sampling, where the server honours one
 */
@Embeddable
public record AnswerParameters(
		@DecimalMin(value = "0", message = "Temperature must be between 0 and 2.") @DecimalMax(value = "2",
				message = "Temperature must be between 0 and 2.") Double temperature,
		@Column(name = "top_p") @DecimalMin(value = "0", inclusive = false,
				message = "topP must be above 0 and at most 1.") @DecimalMax(value = "1",
						message = "topP must be above 0 and at most 1.") Double topP,
		@Positive(message = "maxTokens must be positive.") @Max(value = 1_000_000,
				message = "maxTokens must be at most 1,000,000.") Integer maxTokens,
		Long seed) {

	/** Every part left to the server. */
	public static final AnswerParameters DEFAULTS = new AnswerParameters(null, null, null, null);

	/**
	 * Only the parts a model takes, by their wire names ({@code temperature},
	 * {@code top_p}, {@code max_tokens}, {@code seed}); the others left to the server.
	 */
	public AnswerParameters only(Collection<String> taken) {
		return new AnswerParameters(taken.contains("temperature") ? this.temperature : null,
				taken.contains("top_p") ? this.topP : null, taken.contains("max_tokens") ? this.maxTokens : null,
				taken.contains("seed") ? this.seed : null);
	}

	/** Whether every part is left to the server; not part of the JSON. */
	@JsonIgnore
	public boolean isDefault() {
		return equals(DEFAULTS);
	}

}
