package dev.ponder.jobs;

import java.time.Duration;

/**
 * A background job that only one instance may run at a time.
 *
 * @param name the name of its lock, at most 64 characters
 * @param lockAtMostFor how long the lock is kept if the instance running the job dies:
 * longer than the job can take, or two instances could run it together
 * @param lockAtLeastFor how long the lock is kept after the job ends, at least: a little
 * less than the job's interval, so that instances whose ticks fall at different moments
 * do not each run it once per interval
 */
public record LockedJob(String name, Duration lockAtMostFor, Duration lockAtLeastFor) {
}
