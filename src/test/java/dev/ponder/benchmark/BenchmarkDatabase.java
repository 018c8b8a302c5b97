package dev.ponder.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.util.FileSystemUtils;

import dev.ponder.testing.PonderProcess;
import dev.ponder.testing.PostgresUnderTest;

/**
 * A database a benchmark runs Ponder on, and how to start Ponder on it against a
 * {@link StampingUpstream}: with no accounts, so that its metrics can be read.
 */
enum BenchmarkDatabase {

	/** H2 in a file, as Ponder runs by default (application.yml's settings). */
	H2("h2", "H2 file") {
		@Override
		List<String> arguments(Path directory) {
			return List.of("--spring.datasource.url=jdbc:h2:file:" + directory.resolve("ponder").toAbsolutePath()
					+ ";AUTO_SERVER=FALSE;WRITE_DELAY=0");
		}
	},

	/** The PostgreSQL tests run against, in a fresh schema. */
	POSTGRES("postgres", "PostgreSQL") {
		@Override
		Optional<String> unavailable() {
			return PostgresUnderTest.available() ? Optional.empty()
					: Optional.of("PostgreSQL skipped: " + PostgresUnderTest.HOW_TO_GET_ONE);
		}

		@Override
		List<String> arguments(Path directory) {
			return PostgresUnderTest.arguments();
		}
	};

	private final String key;

	private final String title;

	BenchmarkDatabase(String key, String title) {
		this.key = key;
		this.title = title;
	}

	/** The databases named in a list such as {@code h2,postgres}. */
	static List<BenchmarkDatabase> named(String names) {
		return Arrays.stream(names.split(","))
			.map((name) -> name.strip().toLowerCase(Locale.ROOT))
			.filter((name) -> !name.isEmpty())
			.map((name) -> Arrays.stream(values())
				.filter((database) -> database.key.equals(name))
				.findFirst()
				.orElseThrow(
						() -> new IllegalArgumentException("No benchmark database '" + name + "'; try h2,postgres")))
			.toList();
	}

	String key() {
		return this.key;
	}

	String title() {
		return this.title;
	}

	/** Why the benchmark cannot run on it here, if it cannot. */
	Optional<String> unavailable() {
		return Optional.empty();
	}

	abstract List<String> arguments(Path directory);

	/**
	 * Starts Ponder on this database, its files and log under {@code directory}, emptied
	 * first: what an earlier run left in an H2 file would weigh on this one.
	 */
	PonderProcess start(StampingUpstream upstream, List<String> jvmOptions, Path directory) {
		return start(upstream, jvmOptions, directory, arguments(directory));
	}

	/**
	 * Starts Ponder with these database (and other) arguments: instances that share a
	 * database take the same, as each call of {@link #arguments} on PostgreSQL makes a
	 * new schema.
	 */
	static PonderProcess start(StampingUpstream upstream, List<String> jvmOptions, Path directory,
			List<String> databaseArguments) {
		try {
			FileSystemUtils.deleteRecursively(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> arguments = new ArrayList<>(
				List.of("--openrouter.api-key=sk-or-v1-benchmark", "--openrouter.base-url=" + upstream.baseUrl(),
						"--ponder.catalog.refresh-in-background=false", "--ponder.auth=none"));
		arguments.addAll(databaseArguments);
		return PonderProcess.start(jvmOptions, arguments, directory.resolve("ponder.log"));
	}

}
