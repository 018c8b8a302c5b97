package dev.ponder.conversation;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What a model's completion tokens cost now, as its endpoint lists it: the price an
 * answer's reasoning is reckoned at when the answer ends.
 */
public interface CompletionPrices {

	/**
	 * US dollars per completion token; empty where the endpoint does not list the model
	 * or lists no price for it (a self-hosted server usually does not).
	 */
	Optional<BigDecimal> perToken(String endpoint, String model);

}
