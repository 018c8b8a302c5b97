package dev.ponder.limits;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The models a person may use, as patterns: {@code deepseek/*} allows DeepSeek's models
 * on every endpoint, {@code ollama:*} every model of the {@code ollama} endpoint,
 * {@code openrouter:openai/gpt-4o} one model of one endpoint. {@code *} stands for any
 * characters; case does not count. No patterns ({@code null}, or only blank ones: a field
 * of just "," or {@code [""]}) allow every model, as {@link #ALL}: a list that allows
 * nothing would be a slip, and a person who may use nothing is disabled instead.
 *
 * @param patterns the patterns, or {@code null} for every model
 */
public record ModelAllowList(List<String> patterns) {

	public static final ModelAllowList ALL = new ModelAllowList(null);

	/** The longest list kept, in characters, as the column holds it. */
	static final int MAX_STORED = 4000;

	public ModelAllowList {
		patterns = (patterns != null) ? patterns.stream()
			.filter((pattern) -> pattern != null && !pattern.isBlank())
			.map(String::strip)
			.distinct()
			.toList() : null;
		if (patterns != null && patterns.isEmpty()) {
			patterns = null;
		}
	}

	public boolean all() {
		return this.patterns == null;
	}

	/** Whether the model, asked on the endpoint, is allowed. */
	public boolean allows(String endpoint, String model) {
		if (this.patterns == null) {
			return true;
		}
		String qualified = endpoint + ":" + model;
		return this.patterns.stream()
			.map(ModelAllowList::regex)
			.anyMatch((regex) -> regex.matcher(model).matches() || regex.matcher(qualified).matches());
	}

	private static Pattern regex(String pattern) {
		String quoted = java.util.Arrays.stream(pattern.toLowerCase(Locale.ROOT).split("\\*", -1))
			.map(Pattern::quote)
			.collect(Collectors.joining(".*"));
		return Pattern.compile(quoted, Pattern.CASE_INSENSITIVE);
	}

	/** One pattern a line, as stored; {@code null} for all. */
	String stored() {
		return (this.patterns != null) ? String.join("\n", this.patterns) : null;
	}

	static ModelAllowList ofStored(String stored) {
		return (stored != null) ? new ModelAllowList(List.of(stored.split("\n"))) : ALL;
	}

	/** The patterns as a person reads them: "deepseek/*, ollama:*", or "every model". */
	public String inWords() {
		return (this.patterns == null) ? "every model" : String.join(", ", this.patterns);
	}

}
