package dev.ponder.upstream;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;

/**
 * The clock upstream calls wait on: their timeouts and the pauses before a retry. One
 * place, so that tests can put virtual time in its place and see a timeout happen (or
 * not) without waiting for it.
 */
@Component
public class UpstreamTimers {

	private final Scheduler scheduler;

	public UpstreamTimers() {
		this(Schedulers.parallel());
	}

	public UpstreamTimers(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	public Scheduler scheduler() {
		return this.scheduler;
	}

}
