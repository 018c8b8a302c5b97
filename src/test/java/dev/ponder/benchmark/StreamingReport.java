package dev.ponder.benchmark;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The streaming benchmark's report in Markdown: for each database, Ponder's figures
 * beside the direct run's, with the difference or the ratio where the targets are set.
 */
final class StreamingReport {

	private StreamingReport() {
	}

	static String heading(LoadSettings settings) {
		return "# Streaming under load, " + LocalDate.now() + "\n\n" + settings.describeStart() + "; each "
				+ settings.shape() + "; Ponder with -Xmx" + settings.maxHeap() + ", "
				+ Runtime.getRuntime().availableProcessors() + " cores"
				+ (settings.flightRecording() ? "; a flight recording of Ponder's run (its overhead included)" : "")
				+ ".\n";
	}

	static String section(LoadSettings settings, BenchmarkDatabase database, RunResult direct, RunResult through,
			PonderFigures ponder, long warmUpErrors, String loadBefore, String loadAfter) {
		StringBuilder out = new StringBuilder();
		out.append("\n## ").append(database.title()).append(": ").append(settings.describeStart()).append("\n\n");
		out.append("Load average ").append(loadBefore).append(" before, ").append(loadAfter).append(" after.");
		if (warmUpErrors > 0) {
			out.append(" The warm-up already had ").append(warmUpErrors).append(" failed answers through Ponder.");
		}
		out.append("\n\n| | direct | through Ponder | Ponder vs direct |\n| --- | ---: | ---: | ---: |\n");
		row(out, "answers ended with `done`", done(direct), done(through), "");
		row(out, "errors", count(direct.errors()), count(through.errors()), "");
		row(out, "deltas lost, of " + count(direct.deltasExpected()), count(direct.deltasLost()),
				count(through.deltasLost()), "");
		delayRows(out, direct.delays(), through.delays());
		Percentiles directFirst = direct.firstDelta();
		Percentiles ponderFirst = through.firstDelta();
		row(out, "first delta, median ms", ms(directFirst.p50()), ms(ponderFirst.p50()),
				ratio(ponderFirst.p50(), directFirst.p50()));
		row(out, "first delta, p99 ms", ms(directFirst.p99()), ms(ponderFirst.p99()),
				ratio(ponderFirst.p99(), directFirst.p99()));
		row(out, "last answer done, s", seconds(direct.wallSeconds()), seconds(through.wallSeconds()),
				ratio(through.wallSeconds(), direct.wallSeconds()));
		row(out, "streams open at the upstream at once, at most", count(direct.mostOpenUpstreamStreams()),
				count(through.mostOpenUpstreamStreams()), "");
		writeRows(out, through, ponder.writes());
		row(out, "heap used at the end", "", mib(ponder.heapUsedBytes()), "");
		row(out, "RSS at the end", "", mib(ponder.residentBytes()), "");
		cpuRows(out, direct, through, ponder);
		errors(out, "direct", direct);
		errors(out, "through Ponder", through);
		if (!ponder.alive()) {
			out.append("\nPonder's process had exited by the end of the run.\n");
		}
		if (!ponder.databaseClosedLines().isEmpty()) {
			out.append("\n**The database closed itself:** ")
				.append(ponder.databaseClosedLines().size())
				.append(" log lines name it; the first: `")
				.append(ponder.databaseClosedLines().get(0).strip())
				.append("`\n");
		}
		return out.toString();
	}

	/**
	 * The run through a second instance, beside the direct and one-instance runs of the
	 * same database and invocation.
	 */
	static String twoInstances(LoadSettings settings, RunResult direct, RunResult one, RunResult other, Duration oneCpu,
			Duration otherCpu, long warmUpErrors, String loadBefore, String loadAfter, boolean bothAlive) {
		StringBuilder out = new StringBuilder();
		out.append("\n### Two instances, read through the other: ").append(settings.describeStart()).append("\n\n");
		out.append("Each message posted on instance A, its stream read until `start` and dropped, the answer read ")
			.append("from instance B (`GET /api/messages/{id}/stream`); both on the same database and Redis. ")
			.append("The direct and one-instance columns are the runs above (A alone). Load average ")
			.append(loadBefore)
			.append(" before, ")
			.append(loadAfter)
			.append(" after.");
		if (warmUpErrors > 0) {
			out.append(" The warm-up already had ").append(warmUpErrors).append(" failed answers through B.");
		}
		out.append(
				"\n\n| | direct | one instance | two instances, read through the other | vs direct | vs one instance |")
			.append("\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
		row(out, "answers ended with `done`", done(direct), done(one), done(other), "", "");
		row(out, "errors", count(direct.errors()), count(one.errors()), count(other.errors()), "", "");
		row(out, "deltas lost, of " + count(direct.deltasExpected()), count(direct.deltasLost()),
				count(one.deltasLost()), count(other.deltasLost()), "", "");
		Percentiles[] delays = { direct.delays(), one.delays(), other.delays() };
		row(out, "delay per delta, p50 ms", ms(delays[0].p50()), ms(delays[1].p50()), ms(delays[2].p50()),
				added(delays[2].p50(), delays[0].p50()), added(delays[2].p50(), delays[1].p50()));
		row(out, "delay per delta, p99 ms", ms(delays[0].p99()), ms(delays[1].p99()), ms(delays[2].p99()),
				added(delays[2].p99(), delays[0].p99()), added(delays[2].p99(), delays[1].p99()));
		row(out, "delay per delta, max ms", ms(delays[0].max()), ms(delays[1].max()), ms(delays[2].max()),
				added(delays[2].max(), delays[0].max()), added(delays[2].max(), delays[1].max()));
		Percentiles[] first = { direct.firstDelta(), one.firstDelta(), other.firstDelta() };
		row(out, "first delta (from the POST), median ms", ms(first[0].p50()), ms(first[1].p50()), ms(first[2].p50()),
				ratio(first[2].p50(), first[0].p50()), ratio(first[2].p50(), first[1].p50()));
		row(out, "first delta (from the POST), p99 ms", ms(first[0].p99()), ms(first[1].p99()), ms(first[2].p99()),
				ratio(first[2].p99(), first[0].p99()), ratio(first[2].p99(), first[1].p99()));
		row(out, "last answer done, s", seconds(direct.wallSeconds()), seconds(one.wallSeconds()),
				seconds(other.wallSeconds()), ratio(other.wallSeconds(), direct.wallSeconds()),
				ratio(other.wallSeconds(), one.wallSeconds()));
		row(out, "Ponder's CPU over the run, ms (A and B together)", "", (oneCpu != null) ? millis(oneCpu) : "unknown",
				(otherCpu != null) ? millis(otherCpu) : "unknown", "",
				(oneCpu != null && otherCpu != null) ? ratio(otherCpu.toNanos(), oneCpu.toNanos()) : "");
		errors(out, "two instances, read through the other", other);
		if (!bothAlive) {
			out.append("\nA Ponder process had exited by the end of the run.\n");
		}
		return out.toString();
	}

	private static void delayRows(StringBuilder out, Percentiles direct, Percentiles through) {
		row(out, "delay per delta, p50 ms", ms(direct.p50()), ms(through.p50()), added(through.p50(), direct.p50()));
		row(out, "delay per delta, p99 ms", ms(direct.p99()), ms(through.p99()), added(through.p99(), direct.p99()));
		row(out, "delay per delta, max ms", ms(direct.max()), ms(through.max()), added(through.max(), direct.max()));
	}

	private static void writeRows(StringBuilder out, RunResult through, AnswerWrites writes) {
		if (writes == null) {
			row(out, "message-row writes per answer-second", "", "unknown", "");
			return;
		}
		double answerSeconds = through.answerSeconds();
		row(out, "message-row writes per answer-second", "", number(writes.total() / answerSeconds, 2), "");
		row(out, "… checkpoints, finishes", "",
				count(Math.round(writes.checkpoints())) + ", " + count(Math.round(writes.finishes())), "");
		row(out, "… checkpoints per answer-second; finishes per answer", "",
				number(writes.checkpoints() / answerSeconds, 2) + "; "
						+ number(writes.finishes() / through.answers().size(), 2),
				"");
	}

	private static void cpuRows(StringBuilder out, RunResult direct, RunResult through, PonderFigures ponder) {
		Duration relay = ponder.relayCpu();
		row(out, "Ponder's CPU over the run, ms (idle during the direct run)", millis(ponder.idleCpu()),
				(relay != null) ? millis(relay) : "unknown", "");
		String perThousand = (relay != null && through.deltasReceived() > 0)
				? number(relay.toNanos() / 1e6 / (through.deltasReceived() / 1000.0), 1) : "unknown";
		row(out, "Ponder's CPU ms per 1,000 deltas relayed", "", perThousand, "");
		// What an idle Ponder burns anyway (collector, timers, the compiler finishing the
		// warm-up's work), at the rate of the direct run, taken off.
		double idlePerSecond = ponder.idleCpu().toNanos() / 1e6 / direct.spanSeconds();
		String aboveIdle = (relay != null && through.deltasReceived() > 0) ? number(
				(relay.toNanos() / 1e6 - idlePerSecond * through.spanSeconds()) / (through.deltasReceived() / 1000.0),
				1) : "unknown";
		row(out, "… less what Ponder burnt idle, at the direct run's rate", "", aboveIdle, "");
		row(out, "the benchmark's own CPU over the run (upstream and readers), ms", millis(direct.driverCpu()),
				millis(through.driverCpu()), "");
	}

	private static void errors(StringBuilder out, String run, RunResult result) {
		Map<String, Long> kinds = result.errorsByKind();
		if (kinds.isEmpty()) {
			return;
		}
		out.append("\nErrors ").append(run).append(":\n\n");
		kinds.entrySet()
			.stream()
			.limit(6)
			.forEach((kind) -> out.append("- ")
				.append(kind.getValue())
				.append(" × ")
				.append(kind.getKey().replace("|", "\\|"))
				.append('\n'));
	}

	private static void row(StringBuilder out, String what, String direct, String through, String comparison) {
		out.append("| ")
			.append(what)
			.append(" | ")
			.append(direct)
			.append(" | ")
			.append(through)
			.append(" | ")
			.append(comparison)
			.append(" |\n");
	}

	private static void row(StringBuilder out, String what, String direct, String one, String other,
			String versusDirect, String versusOne) {
		row(out, what, direct + " | " + one, other + " | " + versusDirect, versusOne);
	}

	private static String done(RunResult result) {
		return count(result.answers().size() - result.errors()) + " of " + count(result.answers().size());
	}

	private static String count(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

	private static String ms(double millis) {
		return Double.isNaN(millis) ? "none" : number(millis, (millis < 10) ? 2 : 1);
	}

	private static String seconds(double seconds) {
		return Double.isNaN(seconds) ? "none" : number(seconds, 2);
	}

	private static String millis(Duration duration) {
		return count(duration.toMillis());
	}

	private static String added(double through, double direct) {
		return (Double.isNaN(through) || Double.isNaN(direct)) ? ""
				: String.format(Locale.ROOT, "%+.1f ms", through - direct);
	}

	private static String ratio(double through, double direct) {
		return (Double.isNaN(through) || Double.isNaN(direct) || direct == 0) ? ""
				: String.format(Locale.ROOT, "%.2f×", through / direct);
	}

	private static String mib(OptionalLong bytes) {
		return bytes.isPresent() ? number(bytes.getAsLong() / 1024.0 / 1024.0, 0) + " MiB" : "unknown";
	}

	private static String number(double value, int decimals) {
		return String.format(Locale.ROOT, "%,." + decimals + "f", value);
	}

}
