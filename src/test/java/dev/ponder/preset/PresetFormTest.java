package dev.ponder.preset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The presets page's form, as posted: a number it cannot read is refused with a sentence
 * naming the field as the page does.
 */
class PresetFormTest {

	@Test
	void anUnreadableTopPIsRefusedByItsName() {
		PresetForm form = new PresetForm("Kestrel", null, null, null, null, null, null, "half", null, null, null, null);
		assertThatThrownBy(form::draft).hasMessage("Top P must be a number.");
	}

}
