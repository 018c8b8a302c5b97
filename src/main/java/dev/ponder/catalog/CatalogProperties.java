package dev.ponder.catalog;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the model list is kept fresh. Every field has an environment variable, e.g.
 * {@code PONDER_CATALOG_REFRESH_INTERVAL}.
 *
 * @param refreshInterval how often each endpoint's {@code /models} is fetched again
 * @param retryInterval how soon a failed fetch is tried again
 * @param fetchTimeout how long one {@code /models} or {@code /key} call may take
 * @param refreshInBackground whether lists are fetched at start and then on the
 * intervals; off, they are fetched only on demand
 */
@Validated
@ConfigurationProperties("ponder.catalog")
public record CatalogProperties(@NotNull @DefaultValue("1h") Duration refreshInterval,
		@NotNull @DefaultValue("1m") Duration retryInterval, @NotNull @DefaultValue("20s") Duration fetchTimeout,
		@DefaultValue("true") boolean refreshInBackground) {
}
