package dev.ponder.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dev.ponder.upstream.Endpoint;
import dev.ponder.upstream.ModelListing;

/**
 * What is known of one endpoint's models: the last good list, and how the last check
 * went. Immutable; each check makes a new one.
 *
 * @param endpoint the endpoint
 * @param models the last good list, sorted by name
 * @param fetchedAt when that list was fetched; {@code null} if there is none
 * @param checkedAt when the endpoint was last asked; {@code null} before the first time
 * @param outcome how the last check went
 * @param problem what went wrong, in words a person can act on; {@code null} if nothing
 */
record EndpointCatalog(Endpoint endpoint, List<CatalogModel> models, Instant fetchedAt, Instant checkedAt,
		Outcome outcome, String problem) {

	private static final Comparator<CatalogModel> BY_NAME = Comparator
		.comparing((CatalogModel model) -> model.name().toLowerCase(Locale.ROOT))
		.thenComparing(CatalogModel::id);

	/** How the last check of an endpoint went. */
	enum Outcome {

		/** Not asked yet in this run. */
		UNCHECKED,
		/** It answered with a model list. */
		FRESH,
		/** It answered, but not with a model list: the last good one is kept. */
		MALFORMED,
		/** It could not be reached, or refused. */
		FAILED

	}

	static EndpointCatalog empty(Endpoint endpoint) {
		return new EndpointCatalog(endpoint, List.of(), null, null, Outcome.UNCHECKED, null);
	}

	/** A list read from the database: good, but not checked in this run. */
	static EndpointCatalog cached(Endpoint endpoint, ModelListing listing, Instant fetchedAt) {
		return new EndpointCatalog(endpoint, sorted(endpoint, listing), fetchedAt, null, Outcome.UNCHECKED, null);
	}

	EndpointCatalog fetched(ModelListing listing, Instant now) {
		return new EndpointCatalog(this.endpoint, sorted(this.endpoint, listing), now, now, Outcome.FRESH, null);
	}

	/**
	 * A list read from the database that another instance fetched and stored: as good as
	 * one fetched here at that time.
	 */
	EndpointCatalog fetchedElsewhere() {
		return new EndpointCatalog(this.endpoint, this.models, this.fetchedAt, this.fetchedAt, Outcome.FRESH, null);
	}

	EndpointCatalog malformed(String problem, Instant now) {
		return new EndpointCatalog(this.endpoint, this.models, this.fetchedAt, now, Outcome.MALFORMED, problem);
	}

	EndpointCatalog failed(String problem, Instant now) {
		return new EndpointCatalog(this.endpoint, this.models, this.fetchedAt, now, Outcome.FAILED, problem);
	}

	/** The models, each marked unavailable when the last check failed. */
	List<CatalogModel> shownModels() {
		if (this.outcome != Outcome.FAILED) {
			return this.models;
		}
		String reason = this.endpoint.name() + " is not answering: " + this.problem;
		return this.models.stream().map((model) -> model.unavailable(reason)).toList();
	}

	boolean isFresh() {
		return this.outcome == Outcome.FRESH;
	}

	/** Whether a background refresh should ask again now. */
	boolean isDue(Instant now, CatalogProperties properties) {
		if (this.checkedAt == null) {
			return true;
		}
		Duration wait = isFresh() ? properties.refreshInterval() : properties.retryInterval();
		return !now.isBefore(this.checkedAt.plus(wait));
	}

	EndpointStatus status() {
		return new EndpointStatus(this.endpoint.name(), this.endpoint.displayUrl(),
				this.outcome == Outcome.FRESH || this.outcome == Outcome.MALFORMED, describe(), this.models.size(),
				this.endpoint.hasApiKey(), this.checkedAt, this.fetchedAt, isFresh());
	}

	private String describe() {
		return switch (this.outcome) {
			case FRESH -> null;
			case UNCHECKED -> "Not checked yet.";
			case MALFORMED, FAILED -> this.problem;
		};
	}

	private static List<CatalogModel> sorted(Endpoint endpoint, ModelListing listing) {
		return listing.models()
			.stream()
			.map((model) -> CatalogModel.of(endpoint.name(), model))
			.sorted(BY_NAME)
			.toList();
	}

}
