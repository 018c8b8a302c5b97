package dev.ponder.catalog;

import java.time.Duration;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
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

	// A thread of our own: a refresh writes to the database, and a Reactor worker is
	// interrupted when its task is disposed, which closes H2's file mid-write.
	private volatile ScheduledExecutorService ticks;

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
		// One thread, each tick after the last ends: refreshes never overlap.
		this.ticks = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("ponder-catalog-"));
		AtomicBoolean first = new AtomicBoolean(true);
		this.ticks.scheduleWithFixedDelay(() -> refresh(first.getAndSet(false)), 0,
				this.properties.retryInterval().toMillis(), TimeUnit.MILLISECONDS);
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

	/** Lets a refresh under way finish its write: never an interrupt. */
	@Override
	public void destroy() throws InterruptedException {
		ScheduledExecutorService running = this.ticks;
		if (running != null) {
			running.shutdown();
			running.awaitTermination(30, TimeUnit.SECONDS);
		}
	}

}
