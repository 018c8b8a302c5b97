package dev.ponder.chat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.ponder.conversation.AnswerParameters;
import dev.ponder.preset.PresetColumn;
import dev.ponder.preset.PresetReasoning;
import dev.ponder.preset.PresetRelay;
import dev.ponder.preset.PresetView;

import static org.assertj.core.api.Assertions.assertThat;

/** How a preset fills in a send: what the request leaves out, and nothing it says. */
class PresetDefaultsTest {

	private static final UUID ID = UUID.randomUUID();

	@Test
	void anEmptyRequestTakesEveryPartOfThePreset() {
		PresetView preset = preset("x/thinker-answer", new PresetRelay("deepseek/deepseek-r1", null), null);

		SendMessageRequest filled = PresetDefaults.filled(request(null, null, null), preset);

		assertThat(filled.model()).isEqualTo("x/thinker-answer");
		assertThat(filled.endpoint()).isEqualTo("local");
		assertThat(filled.reasoning()).isEqualTo(new ReasoningOptions("low", null, null));
		assertThat(filled.relay().thinker()).isEqualTo("deepseek/deepseek-r1");
		assertThat(filled.relay().thinkerReasoning()).as("a thinker thinks hard unless told")
			.isEqualTo(new ReasoningOptions("high", null, null));
		assertThat(filled.parameters()).isEqualTo(new AnswerParameters(0.5, null, 100, null));
		assertThat(filled.systemPrompt()).isEqualTo("Be brief.");
		assertThat(filled.content()).isEqualTo("Hello");
	}

	@Test
	void whatTheRequestSaysWinsAndParametersMergePartByPart() {
		PresetView preset = preset("x/preset-model", null, null);
		SendMessageRequest request = new SendMessageRequest("Hello", "y/asked", new ReasoningOptions(null, 512, null),
				null, null, "openrouter", new AnswerParameters(null, 0.9, 200, null), ID, null, "Be long.");

		SendMessageRequest filled = PresetDefaults.filled(request, preset);

		assertThat(filled.model()).isEqualTo("y/asked");
		assertThat(filled.endpoint()).isEqualTo("openrouter");
		assertThat(filled.reasoning().maxTokens()).isEqualTo(512);
		assertThat(filled.parameters()).isEqualTo(new AnswerParameters(0.5, 0.9, 200, null));
		assertThat(filled.systemPrompt()).isEqualTo("Be long.");
	}

	@Test
	void aPresetsCompareIsUsedOnlyWhenTheRequestNamesNoModel() {
		List<PresetColumn> columns = List.of(
				new PresetColumn("a/one", null, new PresetReasoning(null, null, true), null),
				new PresetColumn("b/two", "local", null, new PresetRelay("c/thinker", null)));
		PresetView preset = preset(null, null, columns);

		SendMessageRequest compared = PresetDefaults.filled(request(null, null, null), preset);
		SendMessageRequest single = PresetDefaults.filled(request("y/one-model", null, null), preset);

		assertThat(compared.compare()).extracting(CompareColumn::model).containsExactly("a/one", "b/two");
		assertThat(compared.compare().get(0).reasoning().excluded()).isTrue();
		assertThat(compared.compare().get(1).relay().thinker()).isEqualTo("c/thinker");
		assertThat(compared.compare().get(1).endpoint()).isEqualTo("local");
		assertThat(single.compare()).isNull();
		assertThat(single.model()).isEqualTo("y/one-model");
	}

	@Test
	void aRequestThatNamesAModelButNoEndpointLooksForItOnTheDefaultEndpointNotThePresets() {
		PresetView preset = preset("x/preset-model", null, null);

		SendMessageRequest filled = PresetDefaults.filled(request("openai/gpt-4o", null, null), preset);

		assertThat(filled.model()).isEqualTo("openai/gpt-4o");
		assertThat(filled.endpoint()).as("the default one").isNull();
		assertThat(filled.systemPrompt()).isEqualTo("Be brief.");
	}

	private static SendMessageRequest request(String model, ReasoningOptions reasoning, AnswerParameters parameters) {
		return new SendMessageRequest("Hello", model, reasoning, null, null, null, parameters, ID, null, null);
	}

	private static PresetView preset(String model, PresetRelay relay, List<PresetColumn> compare) {
		return new PresetView(ID, "A preset", false, true, true, "local", model, new PresetReasoning("low", null, null),
				"Be brief.", new AnswerParameters(0.5, null, 100, null), relay, compare, Instant.EPOCH, Instant.EPOCH);
	}

}
