package dev.ponder.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;

import dev.ponder.testing.PonderProcess;

/**
 * One database's part of the streaming benchmark: Ponder started on it, warmed up, the
 * conversations created, then the same answers read straight from the upstream and
 * through Ponder, one run after the other, and Ponder's CPU, writes and memory taken
 * around them.
 */
final class StreamingRun {

	private static final int WARM_UP_ROUNDS = 2;

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

	private final LoadSettings settings;

	private final BenchmarkDatabase database;

	private final StampingUpstream upstream;

	private final AnswerStreams streams;

	private final Path directory;

	StreamingRun(LoadSettings settings, BenchmarkDatabase database, StampingUpstream upstream, AnswerStreams streams,
			Path results) {
		this.settings = settings;
		this.database = database;
		this.upstream = upstream;
		this.streams = streams;
		this.directory = results.resolve("streaming-" + database.key());
	}

	/** Runs and returns the report's section for this database. */
	String run() {
		progress("starting Ponder");
		try (PonderProcess ponder = this.database.start(this.upstream, this.settings.jvmOptions(), this.directory)) {
			PonderRequests requests = new PonderRequests(this.streams.client(), ponder.port());
			progress("warming up");
			long warmUpErrors = warmUp(requests);
			progress("creating the conversations");
			List<UUID> conversations = requests.newConversations(this.settings.answers(),
					this.settings.answerTimeout());
			progress("reading the answers straight from the upstream");
			String loadBefore = LoadAverage.now();
			Duration idleBefore = ponder.cpuTime();
			RunResult direct = this.streams.run(this.settings.answers(), this.settings.spread(),
					(i) -> PonderRequests.askUpstream(this.streams.client(), this.upstream, i));
			Duration idleCpu = ponder.cpuTime().minus(idleBefore);
			AnswerWrites writesBefore = orNull(() -> AnswerWrites.of(ponder));
			Duration relayBefore = ponder.cpuTime();
			progress("reading the answers through Ponder");
			PonderProcess.FlightRecording recording = this.settings.flightRecording()
					? ponder.recordFlight(this.directory.resolve("streaming-" + this.settings.answers() + ".jfr"))
					: null;
			RunResult through = this.streams.run(this.settings.answers(), this.settings.spread(),
					(i) -> requests.sendMessage(conversations.get(i), i));
			PonderFigures figures = figures(ponder, idleCpu, relayBefore, writesBefore);
			if (recording != null) {
				recording.close();
			}
			progress("stopping Ponder");
			return StreamingReport.section(this.settings, this.database, direct, through, figures, warmUpErrors,
					loadBefore, LoadAverage.now());
		}
	}

	/**
	 * A few rounds of answers each way, so that both sides run compiled code, no more at
	 * once than the run itself starts (a warm-up must not break what a small run would
	 * not); returns how many of Ponder's failed.
	 */
	private long warmUp(PonderRequests requests) {
		int answers = Math.min(this.settings.answers(), this.settings.warmUpAnswers());
		long errors = 0;
		for (int round = 0; round < WARM_UP_ROUNDS && answers > 0; round++) {
			List<UUID> conversations = requests.newConversations(answers, this.settings.answerTimeout());
			this.streams.run(answers, Duration.ZERO,
					(i) -> PonderRequests.askUpstream(this.streams.client(), this.upstream, i));
			errors += this.streams.run(answers, Duration.ZERO, (i) -> requests.sendMessage(conversations.get(i), i))
				.errors();
		}
		return errors;
	}

	/**
	 * Taken right after the run: a process that died or stopped answering leaves its
	 * figures empty rather than failing the report.
	 */
	private PonderFigures figures(PonderProcess ponder, Duration idleCpu, Duration relayBefore,
			AnswerWrites writesBefore) {
		Duration relayCpu = orNull(() -> ponder.cpuTime().minus(relayBefore));
		AnswerWrites writes = (writesBefore != null) ? orNull(() -> AnswerWrites.of(ponder).since(writesBefore)) : null;
		Long heap = orNull(ponder::heapUsedBytes);
		return new PonderFigures(idleCpu, relayCpu, writes,
				(heap != null) ? OptionalLong.of(heap) : OptionalLong.empty(), ponder.residentBytes(), ponder.isAlive(),
				databaseClosedLines(ponder.log()));
	}

	/** H2's "The database has been closed [90098]", and the closed channels behind it. */
	private static List<String> databaseClosedLines(String log) {
		return log.lines()
			.filter((line) -> line.contains("90098")
					|| line.toLowerCase(Locale.ROOT).contains("database has been closed")
					|| line.contains("ClosedChannelException"))
			.toList();
	}

	private static <T> T orNull(Supplier<T> figure) {
		try {
			return figure.get();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** A line on the console, for whoever watches a run of several minutes. */
	private void progress(String step) {
		System.out.println("[" + LocalTime.now().format(CLOCK) + "] " + this.database.title() + ": " + step
				+ " (load average " + LoadAverage.now() + ")");
	}

}
