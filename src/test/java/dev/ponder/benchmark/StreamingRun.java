package dev.ponder.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;

import dev.ponder.testing.PonderProcess;
import dev.ponder.testing.RedisUnderTest;

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
		// Taken once: a second instance must share the first's database (on PostgreSQL,
		// each call makes a new schema).
		List<String> databaseArguments = new ArrayList<>(this.database.arguments(this.directory));
		if (this.settings.twoInstances()) {
			databaseArguments.add("--ponder.redis-url=" + RedisUnderTest.url());
		}
		try (PonderProcess ponder = BenchmarkDatabase.start(this.upstream, this.settings.jvmOptions(), this.directory,
				databaseArguments)) {
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
			String section = StreamingReport.section(this.settings, this.database, direct, through, figures,
					warmUpErrors, loadBefore, LoadAverage.now());
			if (this.settings.twoInstances()) {
				section += readThroughTheOther(ponder, requests, databaseArguments, direct, through, figures);
			}
			progress("stopping Ponder");
			return section;
		}
	}

	/**
	 * The same answers again, each started on {@code a} and read from a second instance
	 * on the same database and Redis, beside the direct and one-instance runs above, so
	 * that the ratios compare within one run.
	 */
	private String readThroughTheOther(PonderProcess a, PonderRequests onA, List<String> databaseArguments,
			RunResult direct, RunResult oneInstance, PonderFigures oneInstanceFigures) {
		progress("starting a second Ponder on the same database");
		try (PonderProcess b = BenchmarkDatabase.start(this.upstream, this.settings.jvmOptions(),
				this.directory.resolveSibling(this.directory.getFileName() + "-b"), databaseArguments)) {
			PonderRequests onB = new PonderRequests(this.streams.client(), b.port());
			progress("warming up two instances");
			int warmUpAnswers = Math.min(this.settings.answers(), this.settings.warmUpAnswers());
			long warmUpErrors = 0;
			for (int round = 0; round < WARM_UP_ROUNDS && warmUpAnswers > 0; round++) {
				List<UUID> conversations = onA.newConversations(warmUpAnswers, this.settings.answerTimeout());
				warmUpErrors += this.streams
					.runFollowing(warmUpAnswers, Duration.ZERO,
							(i) -> onA.sendAndFollowOn(onB, conversations.get(i), i))
					.errors();
			}
			progress("creating the conversations");
			List<UUID> conversations = onA.newConversations(this.settings.answers(), this.settings.answerTimeout());
			progress("reading the answers started on one instance through the other");
			String loadBefore = LoadAverage.now();
			Duration cpuBefore = a.cpuTime().plus(b.cpuTime());
			RunResult other = this.streams.runFollowing(this.settings.answers(), this.settings.spread(),
					(i) -> onA.sendAndFollowOn(onB, conversations.get(i), i));
			Duration cpu = orNull(() -> a.cpuTime().plus(b.cpuTime()).minus(cpuBefore));
			progress("stopping the second Ponder");
			return StreamingReport.twoInstances(this.settings, direct, oneInstance, other,
					oneInstanceFigures.relayCpu(), cpu, warmUpErrors, loadBefore, LoadAverage.now(),
					a.isAlive() && b.isAlive());
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
