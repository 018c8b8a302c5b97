package dev.ponder.catalog;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the model lists fresh in the background: once the app is up (never holding up its
 * start on the network), then every {@code retry-interval} it asks the endpoints whose
 * list is due: after {@code refresh-interval} when the last check went well, after
 * {@code retry-interval} when it did not.
 */
@Component
class CatalogSchedule implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(CatalogSchedule.class);

	private final ModelCatalog catalog;

	private final CatalogProperties properties;

	private volatile Disposable ticks;

	CatalogSchedule(ModelCatalog catalog, CatalogProperties properties) {
		this.catalog = catalog;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!this.properties.refreshInBackground()) {
			return;
		}
		// A tick runs on one worker and the next waits for it, so refreshes never
		// overlap.
		this.ticks = Flux.interval(Duration.ZERO, this.properties.retryInterval(), Schedulers.boundedElastic())
			.subscribe((tick) -> refresh());
	}

	private void refresh() {
		try {
			this.catalog.refreshDue();
		}
		catch (RuntimeException ex) {
			logger.warn("Refreshing the model lists failed; will try again", ex);
		}
	}

	@Override
	public void destroy() {
		Disposable running = this.ticks;
		if (running != null) {
			running.dispose();
		}
	}

}
