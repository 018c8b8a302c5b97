package dev.ponder.conversation;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How hard an answer's model was asked to think: an effort level, a budget of reasoning
 * tokens, or hidden (the model thinks, nothing of it comes back). The answer's column
 * holds it as one string ({@code high}, {@code max_tokens:2048}, {@code hidden});
 * {@link #parse} and {@link #format} are the only places that know that form, and pages
 * and the API get the parts.
 *
 * @param effort {@code xhigh}, {@code high}, {@code medium}, {@code low}, {@code minimal}
 * or {@code none}; {@code null} for a budget or hidden reasoning
 * @param maxTokens the reasoning budget in tokens, or {@code null}
 * @param hidden whether the reasoning was kept from the answer
 */
public record ReasoningSetting(String effort, Integer maxTokens, boolean hidden) {

	/** The model reasons, nothing of it is shown. */
	public static final ReasoningSetting HIDDEN = new ReasoningSetting(null, null, true);

	private static final String HIDDEN_WORD = "hidden";

	private static final String BUDGET_PREFIX = "max_tokens:";

	private static final Pattern BUDGET = Pattern.compile(Pattern.quote(BUDGET_PREFIX) + "(\\d{1,9})");

	/** An effort level. */
	public static ReasoningSetting effort(String effort) {
		return new ReasoningSetting(effort, null, false);
	}

	/** A budget of reasoning tokens. */
	public static ReasoningSetting budget(int maxTokens) {
		return new ReasoningSetting(null, maxTokens, false);
	}

	/**
	 * The setting a stored string stands for, or {@code null} for none. A string of no
	 * other form is an effort, so that whatever a column or an imported file holds
	 * formats back unchanged.
	 */
	public static ReasoningSetting parse(String stored) {
		if (stored == null) {
			return null;
		}
		if (HIDDEN_WORD.equals(stored)) {
			return HIDDEN;
		}
		Matcher budget = BUDGET.matcher(stored);
		return budget.matches() ? budget(Integer.parseInt(budget.group(1))) : effort(stored);
	}

	/** The string the answer's column (and an export) holds. */
	public String format() {
		if (this.hidden) {
			return HIDDEN_WORD;
		}
		return (this.maxTokens != null) ? BUDGET_PREFIX + this.maxTokens : this.effort;
	}

	/**
	 * The setting in words: "reasoning high", "reasoning up to 2,048 tokens", "reasoning
	 * hidden".
	 */
	public String words() {
		if (this.hidden) {
			return "reasoning " + HIDDEN_WORD;
		}
		if (this.maxTokens != null) {
			return "reasoning up to " + NumberFormat.getIntegerInstance(Locale.ENGLISH).format(this.maxTokens)
					+ " tokens";
		}
		return "reasoning " + this.effort;
	}

}
