package dev.ponder.limits;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which models a pattern lets a person use. */
class ModelAllowListTest {

	@Test
	void aPatternOfModelsAllowsThemOnEveryEndpoint() {
		ModelAllowList allowed = new ModelAllowList(List.of("deepseek/*"));

		assertThat(allowed.allows("openrouter", "deepseek/deepseek-r1")).isTrue();
		assertThat(allowed.allows("vllm", "DeepSeek/DeepSeek-R1")).isTrue();
		assertThat(allowed.allows("openrouter", "openai/gpt-4o")).isFalse();
		assertThat(allowed.allows("openrouter", "x-deepseek/r1")).isFalse();
	}

	@Test
	void anEndpointNameAllowsItsModelsOnly() {
		ModelAllowList allowed = new ModelAllowList(List.of(" ollama:* ", "openrouter:openai/gpt-4o"));

		assertThat(allowed.allows("ollama", "qwen3:8b")).isTrue();
		assertThat(allowed.allows("openrouter", "openai/gpt-4o")).isTrue();
		assertThat(allowed.allows("openrouter", "openai/gpt-4o-mini")).isFalse();
		assertThat(allowed.allows("vllm", "qwen3:8b")).isFalse();
	}

	@Test
	void regexCharactersInAPatternAreLiteral() {
		assertThat(new ModelAllowList(List.of("a.b")).allows("openrouter", "axb")).isFalse();
	}

	@Test
	void noListAllowsEverythingAndSoDoesOneOfBlanksOnly() {
		assertThat(ModelAllowList.ALL.allows("openrouter", "anything")).isTrue();
		assertThat(new ModelAllowList(List.of()).allows("openrouter", "anything")).isTrue();
		assertThat(new ModelAllowList(List.of("", " ", "\n")).all()).isTrue();
		assertThat(new ModelAllowList(List.of("", " ", "\n")).stored()).isNull();
		assertThat(ModelAllowList.ofStored(new ModelAllowList(List.of("a/*", "b:*")).stored()).patterns())
			.containsExactly("a/*", "b:*");
	}

}
