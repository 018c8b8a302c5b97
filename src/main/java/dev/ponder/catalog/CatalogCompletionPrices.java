package dev.ponder.catalog;

import java.math.BigDecimal;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.ponder.conversation.CompletionPrices;

/** Completion prices from the model lists: what each endpoint lists now. */
@Component
class CatalogCompletionPrices implements CompletionPrices {

	private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

	private final ModelCatalog catalog;

	CatalogCompletionPrices(ModelCatalog catalog) {
		this.catalog = catalog;
	}

	/**
	 * The catalog keeps prices per million tokens as doubles; read back through their
	 * shortest decimal form, a listed "0.000002" comes out as exactly 0.000002 again.
	 */
	@Override
	public Optional<BigDecimal> perToken(String endpoint, String model) {
		return this.catalog.find(endpoint, model)
			.map((listed) -> listed.pricing().completion())
			.map((perMillion) -> BigDecimal.valueOf(perMillion).divide(MILLION).stripTrailingZeros());
	}

}
