package dev.ponder.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * What Ponder's process did during a run, besides relaying: its CPU time while idle (over
 * the direct run) and while relaying, the answer-row writes, its memory at the end, and
 * the log lines where H2 reported closing itself.
 */
record PonderFigures(Duration idleCpu, Duration relayCpu, AnswerWrites writes, OptionalLong heapUsedBytes,
		OptionalLong residentBytes, boolean alive, List<String> databaseClosedLines) {

}
