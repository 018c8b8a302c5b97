package dev.ponder.upstream;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What OpenRouter's {@code GET /key} says about the key in use: its label (a masked form
 * of the key), credit used, the limit if one is set and what is left of it, in US
 * dollars.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KeyInfo(String label, BigDecimal usage, BigDecimal limit, BigDecimal limitRemaining, String limitReset,
		Boolean isFreeTier) {

	/** The {@code {"data": …}} around it. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Envelope(KeyInfo data) {
	}

}
