package dev.ponder.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The model tag keeps its name for the models an instance knows, and stays bounded. */
class ModelTagTest {

	@Test
	void modelsPastTheLimitAreCountedAsOtherWhileKnownOnesKeepTheirName() {
		ModelTag tag = new ModelTag();
		for (int i = 0; i < ModelTag.MAX_MODELS; i++) {
			assertThat(tag.of("model-" + i)).isEqualTo("model-" + i);
		}

		assertThat(tag.of("one-too-many")).isEqualTo(ModelTag.OTHER);
		assertThat(tag.of("model-0")).isEqualTo("model-0");
	}

}
