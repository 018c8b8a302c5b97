package dev.ponder.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.ponder.upstream.ModelListing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the picker learns from each server's {@code GET /models}: OpenRouter's prices and
 * reasoning object, and the bare lists of self-hosted servers.
 */
class CatalogModelTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void openRouterPricesPerTokenBecomeDollarsPerMillion() {
		CatalogModel r1 = model("openrouter", """
				{"data": [{"id": "deepseek/deepseek-r1", "name": "DeepSeek: R1", "context_length": 163840,
				  "pricing": {"prompt": "0.0000004", "completion": "0.000002"},
				  "supported_parameters": ["include_reasoning", "reasoning", "max_tokens"],
				  "reasoning": {"supported_efforts": [], "default_effort": null, "mandatory": true,
				    "supports_max_tokens": false}}]}
				""");

		assertThat(r1.pricing()).isEqualTo(new CatalogModel.Pricing(0.4, 2.0));
		assertThat(r1.contextLength()).isEqualTo(163840);
		assertThat(r1.name()).isEqualTo("DeepSeek: R1");
		assertThat(r1.reasoning()).isTrue();
		assertThat(r1.reasoningMandatory()).isTrue();
		assertThat(r1.efforts()).isEmpty();
		assertThat(r1.reasoningBudget()).isFalse();
	}

	@Test
	void effortsAreTheOnesTheModelAcceptsStrongestFirstAndNeverOffWhenReasoningIsMandatory() {
		CatalogModel sonnet = model("openrouter", """
				{"data": [{"id": "anthropic/claude-sonnet-4.5", "supported_parameters": ["reasoning"],
				  "reasoning": {"supported_efforts": ["none", "low", "high", "medium", "minimal", "turbo"],
				    "default_effort": "medium", "mandatory": false, "supports_max_tokens": true}}]}
				""");
		CatalogModel mandatory = model("openrouter", """
				{"data": [{"id": "openai/o3", "supported_parameters": ["reasoning"],
				  "reasoning": {"supported_efforts": ["high", "medium", "low", "none"], "mandatory": true}}]}
				""");

		assertThat(sonnet.efforts()).containsExactly("high", "medium", "low", "minimal", "none");
		assertThat(sonnet.defaultEffort()).isEqualTo("medium");
		assertThat(sonnet.reasoningBudget()).isTrue();
		assertThat(mandatory.efforts()).containsExactly("high", "medium", "low");
	}

	@Test
	void modelWithoutReasoningInItsParametersCannotReason() {
		CatalogModel mini = model("openrouter", """
				{"data": [{"id": "openai/gpt-4o-mini", "name": "OpenAI: GPT-4o-mini",
				  "pricing": {"prompt": "0.00000015", "completion": "0.0000006"},
				  "supported_parameters": ["max_tokens", "tools"]}]}
				""");

		assertThat(mini.reasoning()).isFalse();
		assertThat(mini.reasoningKnown()).isTrue();
		assertThat(mini.efforts()).isEmpty();
	}

	@Test
	void variablePricesAreUnknownRatherThanNegative() {
		CatalogModel auto = model("openrouter", """
				{"data": [{"id": "openrouter/auto", "pricing": {"prompt": "-1", "completion": "-1"},
				  "supported_parameters": []}]}
				""");

		assertThat(auto.pricing()).isEqualTo(new CatalogModel.Pricing(null, null));
		assertThat(auto.name()).isEqualTo("openrouter/auto");
	}

	@Test
	void selfHostedModelsSayNothingAboutReasoningSoTheCommonLevelsAreOffered() {
		List<CatalogModel> ollama = models("ollama", fixture("ollama.json"));

		assertThat(ollama).extracting(CatalogModel::id).contains("qwen3:8b", "deepseek-r1:14b");
		assertThat(ollama).allSatisfy((model) -> {
			assertThat(model.reasoningKnown()).isFalse();
			assertThat(model.reasoning()).isFalse();
			assertThat(model.efforts()).containsExactly("high", "medium", "low", "none");
			assertThat(model.pricing()).isEqualTo(new CatalogModel.Pricing(null, null));
			assertThat(model.endpoint()).isEqualTo("ollama");
		});
	}

	@Test
	void contextLengthIsReadFromVllmAndLlamaCppToo() {
		assertThat(models("vllm", fixture("vllm.json")).get(0).contextLength()).isEqualTo(32768);
		assertThat(models("llamacpp", fixture("llamacpp.json")).get(0).contextLength()).isEqualTo(40960);
	}

	@Test
	void theFullOpenRouterCatalogueIsRead() {
		ModelListing listing = ModelListing.parse(json, fixture("openrouter-400.json"));

		assertThat(listing.models()).hasSize(401);
		assertThat(listing.skipped()).isEmpty();
	}

	@Test
	void entriesThatAreNotModelsAreSkippedAndNamed() {
		ModelListing listing = ModelListing.parse(json, """
				{"data": [{"id": "good/one"}, {"name": "no id"}, 42, {"id": "bad/ctx", "context_length": "lots"}]}
				""");

		assertThat(listing.models()).extracting(ModelListing.Model::id).containsExactly("good/one");
		assertThat(listing.skipped()).hasSize(3).anySatisfy((problem) -> assertThat(problem).contains("bad/ctx"));
	}

	@Test
	void answersThatAreNotModelListsSayWhatIsWrong() {
		assertThatThrownBy(() -> ModelListing.parse(json, "<html>502 Bad Gateway</html>"))
			.isInstanceOf(ModelListing.MalformedException.class)
			.hasMessageContaining("not JSON")
			.hasMessageContaining("502 Bad Gateway");
		assertThatThrownBy(() -> ModelListing.parse(json, "{\"models\": []}"))
			.hasMessageContaining("no \"data\" array");
		assertThatThrownBy(() -> ModelListing.parse(json, "{\"data\": [1, 2]}")).hasMessageContaining("none of its 2");
	}

	private static CatalogModel model(String endpoint, String body) {
		return models(endpoint, body).get(0);
	}

	private static List<CatalogModel> models(String endpoint, String body) {
		return ModelListing.parse(json, body).models().stream().map((m) -> CatalogModel.of(endpoint, m)).toList();
	}

	static String fixture(String name) {
		try (InputStream in = CatalogModelTest.class.getResourceAsStream("/models/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
