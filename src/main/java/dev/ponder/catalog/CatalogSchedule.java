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

import dev.ponder.jobs.JobLocks;
import dev.ponder.jobs.LockedJob;

/**
 * Keeps the model lists fresh in the background: once the app is up (never holding up its
 * start on the network), then every {@code retry-interval} it asks the endpoints whose
 * list is due: after {@code refresh-interval} when the last check went well, after
 * {@code retry-interval} when it did not.
 * <p>
 * With several instances, one at a time asks (the others skip that turn), and each turn
 * every instance first takes the lists another one stored since its own. Only the check
 * at start is each instance's own. How a failed check went is known only to the instance
 * that made it.
 */
@Component
class CatalogSchedule implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(CatalogSchedule.class);

	private final ModelCatalog catalog;

	private final CatalogProperties properties;

	private final JobLocks locks;

	private final LockedJob job;

	private volatile Disposable ticks;

	CatalogSchedule(ModelCatalog catalog, CatalogProperties properties, JobLocks locks) {
		this.catalog = catalog;
		this.properties = properties;
		this.locks = locks;
		this.job = job(properties);
	}

	/**
	 * Held for most of a tick, so that the cluster asks about once per tick; at most as
	 * long again as three fetches, in case the instance asking dies.
	 */
	static LockedJob job(CatalogProperties properties) {
		Duration atLeast = properties.retryInterval().multipliedBy(9).dividedBy(10);
		return new LockedJob("refresh-model-lists", atLeast.plus(properties.fetchTimeout().multipliedBy(3)), atLeast);
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!this.properties.refreshInBackground()) {
			return;
		}
		// A tick runs on one worker and the next waits for it, so refreshes never
		// overlap.
		this.ticks = Flux.interval(Duration.ZERO, this.properties.retryInterval(), Schedulers.boundedElastic())
			.subscribe((tick) -> refresh(tick == 0));
	}

	/**
	 * The check at start is each instance's own, lock or not: it is how a restarted
	 * instance learns that an endpoint is down now, and a lock left by the instance it
	 * replaces must not hold it up.
	 */
	private void refresh(boolean atStart) {
		try {
			if (atStart) {
				this.catalog.refreshDue();
				return;
			}
			this.catalog.adoptNewerLists();
			this.locks.runAlone(this.job, this.catalog::refreshDue);
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
