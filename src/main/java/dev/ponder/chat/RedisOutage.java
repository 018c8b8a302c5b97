package dev.ponder.chat;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says once that Redis went away, and once that it is back, however many calls fail in
 * between.
 */
final class RedisOutage {

	private static final Logger logger = LoggerFactory.getLogger(RedisOutage.class);

	private final AtomicBoolean down = new AtomicBoolean();

	void failed(Throwable failure) {
		if (this.down.compareAndSet(false, true)) {
			logger.warn(
					"Redis cannot be reached ({}): answers keep streaming to readers on this instance and are "
							+ "stored, but other instances cannot follow or stop them until it is back",
					failure.toString());
		}
	}

	void succeeded() {
		if (this.down.compareAndSet(true, false)) {
			logger.info("Redis is reachable again: answers are shared with the other instances");
		}
	}

}
