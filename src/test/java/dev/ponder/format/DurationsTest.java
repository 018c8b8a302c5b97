package dev.ponder.format;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DurationsTest {

	@ParameterizedTest
	@CsvSource({ "0, <1 s", "999, <1 s", "1000, 1 s", "59400, 59 s", "59600, 1 min", "60000, 1 min", "65000, 1 min 5 s",
			"3600000, 60 min" })
	void durationsAreWordedInSecondsAndMinutesWithoutAZeroRest(long millis, String words) {
		assertThat(Durations.words(millis)).isEqualTo(words);
	}

}
