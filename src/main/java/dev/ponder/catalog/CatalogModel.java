package dev.ponder.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.ponder.upstream.ModelListing;

/**
 * One model as the picker and {@code GET /api/models} show it: where it is served, what
 * it costs per million tokens, whether and how it reasons, and whether it can be used
 * now.
 *
 * @param endpoint the endpoint that lists it
 * @param id the id to send
 * @param name a name fit to show (the id where the server gives none)
 * @param contextLength tokens of context, where known
 * @param reasoning whether it is known to reason
 * @param efforts the effort levels it accepts ({@code none} turns reasoning off)
 * @param pricing US dollars per million tokens
 * @param available whether its endpoint answered at the last check
 * @param unavailableReason why not, if not
 * @param reasoningKnown whether the server said anything about reasoning at all
 * (self-hosted servers usually do not)
 * @param defaultEffort the effort it uses when asked for none, where known
 * @param reasoningMandatory whether its reasoning cannot be turned off
 * @param reasoningBudget whether it takes a reasoning budget in tokens
 * @param parameters which of Ponder's parameters it takes, by their wire names
 * ({@code temperature}, {@code top_p}, {@code max_tokens}, {@code seed}); all of them
 * where the server does not say (OpenAI-style servers take them)
 * @param inputModalities what it reads ({@code text}, {@code image}, {@code file}…), or
 * {@code null} where the server does not say
 */
public record CatalogModel(String endpoint, String id, String name, Long contextLength, boolean reasoning,
		List<String> efforts, Pricing pricing, boolean available, String unavailableReason, boolean reasoningKnown,
		String defaultEffort, boolean reasoningMandatory, boolean reasoningBudget, List<String> parameters,
		List<String> inputModalities) {

	/**
	 * The sampling parameters Ponder can send, by their wire names, in the order shown.
	 */
	public static final List<String> SAMPLING_PARAMETERS = List.of("temperature", "top_p", "max_tokens", "seed",
			"stop");

	/**
	 * Every effort level, strongest first: the one list of them (models, presets, the
	 * composer).
	 */
	public static final List<String> ALL_EFFORTS = List.of("xhigh", "high", "medium", "low", "minimal", "none");

	/**
	 * What a reasoning model that does not list its efforts accepts: the levels every
	 * provider maps.
	 */
	private static final List<String> COMMON_EFFORTS = List.of("high", "medium", "low");

	/**
	 * What is offered for a self-hosted model that says nothing about reasoning: OpenAI's
	 * levels, which Ollama, vLLM and LM Studio accept.
	 */
	private static final List<String> UNKNOWN_EFFORTS = List.of("high", "medium", "low", "none");

	private static final Set<String> REASONING_PARAMETERS = Set.of("reasoning", "include_reasoning");

	private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

	/**
	 * Prices per million tokens of prompt and of completion; {@code null} where unknown.
	 */
	public record Pricing(Double prompt, Double completion) {
	}

	static CatalogModel of(String endpoint, ModelListing.Model model) {
		ModelListing.Reasoning details = model.reasoning();
		boolean known = model.supportedParameters() != null || details != null;
		boolean reasoning = details != null || (model.supportedParameters() != null
				&& model.supportedParameters().stream().anyMatch(REASONING_PARAMETERS::contains));
		boolean mandatory = details != null && Boolean.TRUE.equals(details.mandatory());
		List<String> efforts = efforts(known, reasoning, mandatory, details);
		String name = (model.name() != null && !model.name().isBlank()) ? model.name().strip() : model.id();
		return new CatalogModel(endpoint, model.id(), name, model.contextLengthAnywhere(), reasoning, efforts,
				pricing(model.pricing()), true, null, known, (details != null) ? details.defaultEffort() : null,
				mandatory, details != null && Boolean.TRUE.equals(details.supportsMaxTokens()),
				parameters(model.supportedParameters()),
				(model.architecture() != null) ? model.architecture().inputModalities() : null);
	}

	private static List<String> parameters(List<String> supported) {
		return (supported == null) ? SAMPLING_PARAMETERS
				: SAMPLING_PARAMETERS.stream().filter(supported::contains).toList();
	}

	/**
	 * Whether it is known to read images; {@code true} where the server does not say, so
	 * that the server, not Ponder, refuses what it cannot read.
	 */
	public boolean readsImages() {
		return this.inputModalities == null || this.inputModalities.contains("image");
	}

	/**
	 * Whether it reads files (PDFs) itself; {@code true} where the server does not say.
	 */
	public boolean readsFiles() {
		return this.inputModalities == null || this.inputModalities.contains("file");
	}

	private static List<String> efforts(boolean known, boolean reasoning, boolean mandatory,
			ModelListing.Reasoning details) {
		if (!known) {
			return UNKNOWN_EFFORTS;
		}
		if (!reasoning) {
			return List.of();
		}
		List<String> listed = (details != null && details.supportedEfforts() != null) ? details.supportedEfforts()
				: (details != null) ? List.of() : COMMON_EFFORTS;
		return ALL_EFFORTS.stream()
			.filter(listed::contains)
			.filter((effort) -> !(mandatory && "none".equals(effort)))
			.toList();
	}

	private static Pricing pricing(ModelListing.Pricing pricing) {
		return (pricing != null) ? new Pricing(perMillion(pricing.prompt()), perMillion(pricing.completion()))
				: new Pricing(null, null);
	}

	/** OpenRouter lists dollars per token as strings; "-1" means the price varies. */
	private static Double perMillion(String perToken) {
		if (perToken == null || perToken.isBlank()) {
			return null;
		}
		try {
			BigDecimal price = new BigDecimal(perToken.strip());
			return (price.signum() < 0) ? null : price.multiply(MILLION).doubleValue();
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** The same model, marked as not usable now, and why. */
	CatalogModel unavailable(String reason) {
		return new CatalogModel(this.endpoint, this.id, this.name, this.contextLength, this.reasoning, this.efforts,
				this.pricing, false, reason, this.reasoningKnown, this.defaultEffort, this.reasoningMandatory,
				this.reasoningBudget, this.parameters, this.inputModalities);
	}

	/** Whether every word of the query is in the id or the name. */
	boolean matches(List<String> words) {
		String haystack = (this.id + " " + this.name).toLowerCase(Locale.ROOT);
		return words.stream().allMatch(haystack::contains);
	}

}
