package dev.ponder.conversation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reasoning setting is read from its stored string in one place and written back in
 * one place, and whatever a column holds comes back unchanged.
 */
class ReasoningSettingTest {

	@Test
	void eachStoredFormReadsAsItsParts() {
		assertThat(ReasoningSetting.parse("high")).isEqualTo(new ReasoningSetting("high", null, false));
		assertThat(ReasoningSetting.parse("max_tokens:2048")).isEqualTo(new ReasoningSetting(null, 2048, false));
		assertThat(ReasoningSetting.parse("hidden")).isEqualTo(new ReasoningSetting(null, null, true));
		assertThat(ReasoningSetting.parse(null)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "xhigh", "none", "max_tokens:1", "max_tokens:1000000", "hidden", "max_tokens:",
			"max_tokens:lots", "max_tokens:99999999999", "an effort from a newer Ponder" })
	void whateverAColumnHoldsIsWrittenBackUnchanged(String stored) {
		assertThat(ReasoningSetting.parse(stored).format()).isEqualTo(stored);
	}

	@Test
	void aBudgetTooLargeForAnIntegerIsNoBudget() {
		assertThat(ReasoningSetting.parse("max_tokens:99999999999").maxTokens()).isNull();
	}

	@Test
	void eachSettingHasItsWords() {
		assertThat(ReasoningSetting.effort("high").words()).isEqualTo("reasoning high");
		assertThat(ReasoningSetting.budget(16000).words()).isEqualTo("reasoning up to 16,000 tokens");
		assertThat(ReasoningSetting.HIDDEN.words()).isEqualTo("reasoning hidden");
	}

}
