package dev.ponder.conversation;

import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The sampling set-up an answer is asked with, on top of its reasoning: each part is sent
 * only when set ({@code null} leaves the server's default), and only to a model whose
 * {@code supported_parameters} lists it.
 *
 * @param temperature randomness, 0 to 2
 * @param topP nucleus sampling, above 0 up to 1
 * @param maxTokens the longest answer in tokens, apart from the reasoning budget
 * @param seed a seed for repeatable sampling, where the server honours one
 * @param stop up to four sequences that end the answer where the model writes one (asked
 * through the OpenAI-compatible API; the page does not offer it); sent to every model, as
 * servers that do not know it leave it aside
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
		Long seed,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Column(name = "stop_sequences") @Convert(
				converter = StopSequencesConverter.class) @Size(max = 4,
						message = "At most 4 stop sequences.") List<@NotEmpty(
								message = "A stop sequence is empty.") @Size(max = 200,
										message = "A stop sequence is longer than 200 characters.") String> stop) {

	/** Every part left to the server. */
	public static final AnswerParameters DEFAULTS = new AnswerParameters(null, null, null, null);

	public AnswerParameters {
		stop = (stop == null || stop.isEmpty()) ? null : List.copyOf(stop);
	}

	/** The sampling parameters the page offers, without stop sequences. */
	public AnswerParameters(Double temperature, Double topP, Integer maxTokens, Long seed) {
		this(temperature, topP, maxTokens, seed, null);
	}

	/**
	 * Only the parts a model takes, by their wire names ({@code temperature},
	 * {@code top_p}, {@code max_tokens}, {@code seed}, {@code stop}); the others left to
	 * the server.
	 */
	public AnswerParameters only(Collection<String> taken) {
		return new AnswerParameters(taken.contains("temperature") ? this.temperature : null,
				taken.contains("top_p") ? this.topP : null, taken.contains("max_tokens") ? this.maxTokens : null,
				taken.contains("seed") ? this.seed : null, taken.contains("stop") ? this.stop : null);
	}

	/** Whether every part is left to the server; not part of the JSON. */
	@JsonIgnore
	public boolean isDefault() {
		return equals(DEFAULTS);
	}

}
