package dev.ponder.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

import dev.ponder.upstream.Endpoint;
import dev.ponder.upstream.ModelListing;
import dev.ponder.upstream.UpstreamClient;
import dev.ponder.upstream.UpstreamClients;
import dev.ponder.upstream.UpstreamException;

/**
 * The models of every endpoint, from their {@code GET /models}. The last good list of
 * each is kept in the database, so a restart with an endpoint down still lists its
 * models; a check that fails marks only that endpoint's models unavailable, and an answer
 * that is not a model list keeps the last good one.
 */
@Service
public class ModelCatalog {

	private static final Logger logger = LoggerFactory.getLogger(ModelCatalog.class);

	private final UpstreamClients clients;

	private final CachedModelListRepository cache;

	private final CatalogProperties properties;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	private final ReentrantLock refreshing = new ReentrantLock();

	private volatile Map<String, EndpointCatalog> catalogs;

	ModelCatalog(UpstreamClients clients, CachedModelListRepository cache, CatalogProperties properties,
			JsonMapper jsonMapper, Clock clock) {
		this.clients = clients;
		this.cache = cache;
		this.properties = properties;
		this.jsonMapper = jsonMapper;
		this.clock = clock;
	}

	/**
	 * The models that pass the filter, endpoint by endpoint in the order of
	 * {@link #endpoints()}, each sorted by name.
	 */
	public List<CatalogModel> models(ModelFilter filter) {
		if (filter.endpoint() != null) {
			// An endpoint that does not exist is a mistake to name, not an empty list.
			this.clients.client(filter.endpoint());
		}
		List<String> words = filter.words();
		Predicate<CatalogModel> wanted = (
				model) -> (filter.endpoint() == null || filter.endpoint().equals(model.endpoint()))
						&& (!filter.reasoningOnly() || model.reasoning()) && model.matches(words);
		return catalogs().values()
			.stream()
			.flatMap((catalog) -> catalog.shownModels().stream())
			.filter(wanted)
			.toList();
	}

	/** One model, if its endpoint lists it. */
	public Optional<CatalogModel> find(String endpoint, String id) {
		EndpointCatalog catalog = catalogs().get(endpoint);
		return (catalog != null) ? catalog.shownModels().stream().filter((model) -> model.id().equals(id)).findFirst()
				: Optional.empty();
	}

	/** Whether any list shown is not from its endpoint's last check. */
	public boolean isStale() {
		return catalogs().values().stream().anyMatch((catalog) -> !catalog.isFresh());
	}

	/** Every endpoint, OpenRouter first, and how its last check went. */
	public List<EndpointStatus> endpoints() {
		return catalogs().values().stream().map(EndpointCatalog::status).toList();
	}

	/** Asks every endpoint for its models now, and waits for the answers. */
	public void refresh() {
		refresh((catalog) -> true);
	}

	/** Asks the endpoints whose list is due, as the background refresh does. */
	void refreshDue() {
		Instant now = this.clock.instant();
		refresh((catalog) -> catalog.isDue(now, this.properties));
	}

	/**
	 * Takes the lists that another instance fetched since this one's own, from the
	 * database: with several instances, one refreshes and the others read what it stored.
	 * Skipped while this instance refreshes itself.
	 */
	void adoptNewerLists() {
		if (!this.refreshing.tryLock()) {
			return;
		}
		try {
			for (CachedModelListRepository.FetchedAt stored : this.cache.findAllProjectedBy()) {
				EndpointCatalog current = catalogs().get(stored.getEndpoint());
				if (current != null && current.endpoint().baseUrl().toString().equals(stored.getBaseUrl())
						&& (current.fetchedAt() == null || stored.getFetchedAt().isAfter(current.fetchedAt()))) {
					fromCache(current.endpoint()).ifPresent((cached) -> store(cached.fetchedElsewhere()));
				}
			}
		}
		finally {
			this.refreshing.unlock();
		}
	}

	/**
	 * One refresh at a time: a caller that finds one running waits for it and takes its
	 * result instead of asking again. The endpoints are asked in parallel; their answers
	 * are read and stored here, off the network threads.
	 */
	private void refresh(Predicate<EndpointCatalog> due) {
		if (!this.refreshing.tryLock()) {
			this.refreshing.lock();
			this.refreshing.unlock();
			return;
		}
		try {
			List<EndpointCatalog> toCheck = catalogs().values().stream().filter(due).toList();
			List<Answer> answers = Flux.fromIterable(toCheck).flatMap(this::ask).collectList().block();
			if (answers != null) {
				answers.forEach((answer) -> store(read(answer)));
			}
		}
		finally {
			this.refreshing.unlock();
		}
	}

	private Mono<Answer> ask(EndpointCatalog catalog) {
		return this.clients.client(catalog.endpoint().name())
			.models(this.properties.fetchTimeout())
			.map((body) -> new Answer(catalog, body, null))
			.onErrorResume((ex) -> Mono.just(new Answer(catalog, null, ex)));
	}

	private EndpointCatalog read(Answer answer) {
		EndpointCatalog catalog = answer.catalog();
		Instant now = this.clock.instant();
		if (answer.failure() instanceof UpstreamException refused) {
			logger.info("Could not fetch the models of {}: {}", catalog.endpoint(), refused.getMessage());
			return catalog.failed(refused.getMessage(), now);
		}
		if (answer.failure() != null) {
			logger.warn("Could not fetch the models of {}", catalog.endpoint(), answer.failure());
			return catalog.failed("Ponder hit an unexpected error asking for its models.", now);
		}
		try {
			ModelListing listing = ModelListing.parse(this.jsonMapper, answer.body());
			if (!listing.skipped().isEmpty()) {
				logger.warn("The /models answer of {} has {} entries Ponder could not read: {}", catalog.endpoint(),
						listing.skipped().size(), listing.skipped());
			}
			saveToCache(catalog.endpoint(), answer.body(), now);
			return catalog.fetched(listing, now);
		}
		catch (ModelListing.MalformedException ex) {
			logger.warn("The /models answer of {} is not a model list, keeping the last good one: {}",
					catalog.endpoint(), ex.getMessage());
			String kept = (catalog.fetchedAt() != null) ? " Showing the list fetched at " + catalog.fetchedAt() + "."
					: "";
			return catalog.malformed("Its /models answer is not a model list: " + ex.getMessage() + "." + kept, now);
		}
	}

	private void saveToCache(Endpoint endpoint, String body, Instant now) {
		try {
			CachedModelList cached = this.cache.findById(endpoint.name())
				.orElseGet(() -> new CachedModelList(endpoint.name(), endpoint.baseUrl().toString(), body, now));
			cached.replace(endpoint.baseUrl().toString(), body, now);
			this.cache.save(cached);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not keep the model list of {} in the database", endpoint, ex);
		}
	}

	private synchronized void store(EndpointCatalog checked) {
		Map<String, EndpointCatalog> next = new LinkedHashMap<>(catalogs());
		next.put(checked.endpoint().name(), checked);
		this.catalogs = next;
	}

	/**
	 * The catalogs, read from the database on first use: the last good lists, not yet
	 * checked in this run.
	 */
	private Map<String, EndpointCatalog> catalogs() {
		Map<String, EndpointCatalog> current = this.catalogs;
		if (current == null) {
			synchronized (this) {
				if (this.catalogs == null) {
					this.catalogs = loadCache();
				}
				current = this.catalogs;
			}
		}
		return current;
	}

	private Map<String, EndpointCatalog> loadCache() {
		Map<String, EndpointCatalog> loaded = new LinkedHashMap<>();
		for (UpstreamClient client : this.clients.all()) {
			Endpoint endpoint = client.endpoint();
			loaded.put(endpoint.name(), fromCache(endpoint).orElseGet(() -> EndpointCatalog.empty(endpoint)));
		}
		return loaded;
	}

	private Optional<EndpointCatalog> fromCache(Endpoint endpoint) {
		try {
			return this.cache.findById(endpoint.name())
				.filter((cached) -> cached.getBaseUrl().equals(endpoint.baseUrl().toString()))
				.map((cached) -> EndpointCatalog.cached(endpoint, ModelListing.parse(this.jsonMapper, cached.getBody()),
						cached.getFetchedAt()));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read the cached model list of {}; it will be fetched again", endpoint, ex);
			return Optional.empty();
		}
	}

	/** What one endpoint answered: a body, or why there is none. */
	private record Answer(EndpointCatalog catalog, String body, Throwable failure) {
	}

	/**
	 * What {@code GET /api/models} filters by.
	 *
	 * @param query words that must all be in the id or name
	 * @param reasoningOnly whether only models that can reason are wanted
	 * @param endpoint only this endpoint's models, if set
	 */
	public record ModelFilter(String query, boolean reasoningOnly, String endpoint) {

		public static final ModelFilter ALL = new ModelFilter(null, false, null);

		List<String> words() {
			if (this.query == null || this.query.isBlank()) {
				return List.of();
			}
			return List.of(this.query.toLowerCase(Locale.ROOT).strip().split("\\s+"));
		}

	}

}
