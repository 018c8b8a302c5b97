package dev.ponder.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

import dev.ponder.PonderApplication;

import static org.awaitility.Awaitility.await;

/**
 * Ponder in a JVM of its own, started from the test classpath as a deployment starts it:
 * for tests that kill it, and for benchmarks that measure its CPU and memory apart from
 * the driver's. Its output goes to a log file.
 */
public final class PonderProcess implements AutoCloseable {

	/**
	 * Only a bound on a process that will never be ready (the test waits for readiness,
	 * not for time): a cold start takes ~15 s, but one took 95 s on the 2-core machine
	 * while four other builds ran (load ~20), and failed a run at the former 90 s.
	 */
	private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	private final Process process;

	private final int port;

	private final Path log;

	private final Api api;

	private PonderProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
		this.api = Api.anonymous(port);
	}

	/**
	 * Starts Ponder on a free port with these JVM options (such as {@code -Xmx512m}) and
	 * arguments, and returns once {@code /actuator/health/readiness} answers 200.
	 * @throws AssertionError with the process's log when it exits or is not ready in time
	 */
	public static PonderProcess start(List<String> jvmOptions, List<String> arguments, Path log) {
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(javaHome("java"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), PonderApplication.class.getName()));
		command.addAll(arguments);
		// Loopback only: nothing outside this machine needs a test's Ponder.
		command.addAll(List.of("--server.address=127.0.0.1", "--server.port=" + port));
		try {
			Files.createDirectories(log.toAbsolutePath().getParent());
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			PonderProcess ponder = new PonderProcess(process, port, log);
			ponder.awaitReady();
			return ponder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitReady() {
		try {
			await().atMost(READY_TIMEOUT)
				.pollInterval(Duration.ofMillis(250))
				.ignoreExceptions()
				.failFast("Ponder's process exited", () -> !this.process.isAlive())
				.until(() -> this.api.get("/actuator/health/readiness").status() == 200);
		}
		catch (ConditionTimeoutException | TerminalFailureException ex) {
			this.process.destroyForcibly();
			throw new AssertionError("Ponder's process did not get ready:\n" + log(), ex);
		}
	}

	public int port() {
		return this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * User and system CPU time the process has used so far. On Linux the JDK reads it
	 * from {@code /proc/<pid>/stat} (utime + stime), in clock ticks of 10 ms.
	 */
	public Duration cpuTime() {
		return this.process.toHandle()
			.info()
			.totalCpuDuration()
			.orElseThrow(() -> new IllegalStateException("This system does not tell a process's CPU time"));
	}

	/**
	 * The resident set size from {@code /proc/<pid>/status}; empty where there is no
	 * {@code /proc} or the process has gone.
	 */
	public OptionalLong residentBytes() {
		try {
			return Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))
				.stream()
				.filter((line) -> line.startsWith("VmRSS:"))
				.mapToLong((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
				.findFirst();
		}
		catch (IOException ex) {
			return OptionalLong.empty();
		}
	}

	/**
	 * The heap in use, as Ponder's own metrics tell it. Actuator metrics are for
	 * administrators once accounts are on: start with {@code --ponder.auth=none}.
	 */
	public long heapUsedBytes() {
		Api.Reply reply = this.api.get("/actuator/metrics/jvm.memory.used?tag=area:heap");
		if (reply.status() != 200) {
			throw new IllegalStateException("Ponder's heap metric answered " + reply);
		}
		return (long) reply.body().get("measurements").get(0).get("value").asDouble();
	}

	/**
	 * Starts a Java Flight Recording (the {@code profile} settings) that ends, written to
	 * {@code file}, when the returned recording is closed: so that a profile holds only
	 * what is measured, not the start and the warm-up.
	 */
	public FlightRecording recordFlight(Path file) {
		jcmd("JFR.start", "name=ponder-process", "settings=profile");
		return () -> jcmd("JFR.stop", "name=ponder-process", "filename=" + file.toAbsolutePath());
	}

	/** What the process has written so far. */
	public String log() {
		try {
			return Files.exists(this.log) ? Files.readString(this.log) : "";
		}
		catch (IOException ex) {
			return "(the log " + this.log + " could not be read: " + ex + ")";
		}
	}

	/** Kills the process with SIGKILL, as a crash would, and waits until it has gone. */
	public void kill() {
		this.process.destroyForcibly();
		waitForExit();
	}

	/**
	 * Stops the process as an orchestrator would (SIGTERM, a graceful shutdown), and
	 * kills it if it has not gone in 30 s.
	 */
	@Override
	public void close() {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				kill();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			kill();
		}
	}

	private void waitForExit() {
		try {
			if (!this.process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				throw new AssertionError("Ponder's process " + pid() + " did not exit");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while Ponder's process exited", ex);
		}
	}

	private void jcmd(String... command) {
		List<String> line = new ArrayList<>(List.of(javaHome("jcmd"), Long.toString(pid())));
		line.addAll(List.of(command));
		try {
			Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
			String output = new String(jcmd.getInputStream().readAllBytes());
			if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", line) + " failed:\n" + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String javaHome(String tool) {
		return Path.of(System.getProperty("java.home"), "bin", tool).toString();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A flight recording that is written to its file when closed. */
	public interface FlightRecording extends AutoCloseable {

		@Override
		void close();

	}

}
