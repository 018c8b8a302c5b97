package dev.ponder.conversation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ponder.testing.SharedUpstream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the review features hold up at scale, on the default H2 file database: 10,000
 * conversations and 200,000 messages, one of them 1,000 messages long. Prints and writes
 * {@code target/benchmark/review.md}; run with {@code ./mvnw -Pbenchmark test}.
 * <p>
 * Times are medians of repeated HTTP requests over loopback (so they include the server's
 * whole work and a little transport), each compared with a baseline measured in the same
 * run: a trivial endpoint for the pages, and the same search done as a table scan for the
 * index.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ponder.auth=none",
				"spring.datasource.url=jdbc:h2:file:./target/benchmark/ponder;AUTO_SERVER=FALSE",
				"openrouter.api-key=benchmark", "logging.level.root=WARN" })
class ReviewBenchmark {

	/** The benchmark asks no model, but its app must never reach a real one. */
	@DynamicPropertySource
	static void upstream(DynamicPropertyRegistry registry) {
		SharedUpstream.register(registry);
	}

	private static final Path DATABASE_DIRECTORY = Paths.get("target", "benchmark");

	private static final int CONVERSATIONS = Integer.getInteger("bench.conversations", 10_000);

	private static final int MESSAGES_PER_CONVERSATION = Integer.getInteger("bench.messagesPerConversation", 20);

	private static final int LONG_CONVERSATION = 1_000;

	/**
	 * A word planted in one reasoning in a thousand: what a search for a half-remembered
	 * idea looks like.
	 */
	private static final String RARE_WORD = "quagga";

	static {
		// A fresh database every run: delete the files before Spring opens them.
		try (Stream<Path> files = Files.exists(DATABASE_DIRECTORY) ? Files.list(DATABASE_DIRECTORY) : Stream.empty()) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void reviewAtScale() throws Exception {
		long seedStart = System.nanoTime();
		Seeded seeded = new Seeder(this.jdbc, new Random(42)).seed();
		double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
		String common = this.jdbc
			.queryForObject("SELECT NAME FROM FT.WORDS WHERE LENGTH(NAME) > 5 ORDER BY ID LIMIT 1 OFFSET 40",
					String.class)
			.toLowerCase(java.util.Locale.ROOT);

		List<String> rows = new ArrayList<>();
		double baseline = median(() -> get("/actuator/health"));
		rows.add(row("baseline: GET /actuator/health", baseline, baseline));
		rows.add(row("sidebar, first page: GET /api/conversations", median(() -> get("/api/conversations")), baseline));
		rows.add(row("new-chat page with its sidebar: GET /", median(() -> get("/")), baseline));
		rows.add(row("search, rare word: GET /api/conversations?q=" + RARE_WORD,
				median(() -> get("/api/conversations?q=" + RARE_WORD)), baseline));
		rows.add(row("search, common word: GET /api/conversations?q=" + common,
				median(() -> get("/api/conversations?q=" + common)), baseline));
		rows.add(row("search, two words: ?q=" + RARE_WORD + "+" + common,
				median(() -> get("/api/conversations?q=" + RARE_WORD + "+" + common)), baseline));
		rows.add(row("1,000-message conversation page: GET /c/{id}",
				median(() -> get("/c/" + seeded.longConversation())), baseline));
		rows.add(row("1,000-message conversation JSON: GET /api/conversations/{id}",
				median(() -> get("/api/conversations/" + seeded.longConversation())), baseline));
		double indexed = median(() -> get("/api/conversations?q=" + RARE_WORD));
		double scan = median(() -> this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM message WHERE LOWER(reasoning) LIKE '%" + RARE_WORD + "%'", Long.class));
		rows.add(row("scan baseline: the rare word by LIKE over all reasoning (SQL only)", scan, baseline));

		this.jdbc.execute("CHECKPOINT SYNC");
		long writtenBytes = databaseBytes();
		// What H2 reclaims by itself over time and at close, done at once: the bulk seed
		// leaves
		// garbage behind that steady use would not.
		this.jdbc.execute("SHUTDOWN COMPACT");
		long compactedBytes = databaseBytes();
		String report = report(seeded, seedSeconds, rows, indexed, scan, writtenBytes, compactedBytes);
		System.out.println(report);
		Files.writeString(DATABASE_DIRECTORY.resolve("review.md"), report);
		assertThat(seeded.messages()).isGreaterThanOrEqualTo(200_000L * CONVERSATIONS / 10_000);
	}

	private String report(Seeded seeded, double seedSeconds, List<String> rows, double indexed, double scan,
			long writtenBytes, long compactedBytes) {
		StringBuilder out = new StringBuilder();
		out.append("Seeded ")
			.append(seeded.conversations())
			.append(" conversations, ")
			.append(seeded.messages())
			.append(" messages, ")
			.append(mib(seeded.rawTextBytes()))
			.append(" MiB of text in ")
			.append(String.format("%.0f", seedSeconds))
			.append(" s.\n\n");
		out.append("| what | median ms | × baseline |\n| --- | ---: | ---: |\n");
		rows.forEach(out::append);
		out.append("\nSearch through the full-text index vs. a scan for the same word: ")
			.append(String.format("%.1f ms vs %.1f ms (the scan takes %.0f× as long)", indexed, scan, scan / indexed))
			.append(".\n\n");
		out.append("Database file, compacted: ")
			.append(mib(compactedBytes))
			.append(" MiB for ")
			.append(mib(seeded.rawTextBytes()))
			.append(" MiB of raw text: ")
			.append(String.format("%.2f×", (double) compactedBytes / seeded.rawTextBytes()))
			.append(" (straight after the bulk seed, before H2 reclaims its garbage: ")
			.append(mib(writtenBytes))
			.append(" MiB).\n");
		return out.toString();
	}

	private static String row(String what, double millis, double baseline) {
		return String.format("| %s | %.1f | %.1f |%n", what, millis, millis / baseline);
	}

	private static String mib(long bytes) {
		return String.format("%.1f", bytes / 1024.0 / 1024.0);
	}

	private long databaseBytes() throws IOException {
		try (Stream<Path> files = Files.list(DATABASE_DIRECTORY)) {
			return files.filter((file) -> file.getFileName().toString().startsWith("ponder"))
				.mapToLong((file) -> file.toFile().length())
				.sum();
		}
	}

	/** The median of 30 timed runs after 10 to warm up, in milliseconds. */
	private static double median(Supplier<?> work) {
		for (int i = 0; i < 10; i++) {
			work.get();
		}
		double[] millis = new double[30];
		for (int i = 0; i < millis.length; i++) {
			long start = System.nanoTime();
			work.get();
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(millis);
		return millis[millis.length / 2];
	}

	private Integer get(String path) {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			return response.body().length();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Seeded(int conversations, long messages, long rawTextBytes, UUID longConversation) {
	}

	/**
	 * Writes the conversations straight through JDBC in batches; the full-text triggers
	 * still run.
	 */
	private static final class Seeder {

		private final JdbcTemplate jdbc;

		private final Random random;

		private final Vocabulary words;

		private long messages;

		private long rawTextBytes;

		Seeder(JdbcTemplate jdbc, Random random) {
			this.jdbc = jdbc;
			this.random = random;
			this.words = new Vocabulary(random);
		}

		Seeded seed() {
			Instant start = Instant.parse("2026-01-01T00:00:00Z");
			UUID longConversation = null;
			List<Object[]> conversationRows = new ArrayList<>();
			List<Object[]> messageRows = new ArrayList<>();
			for (int c = 0; c < CONVERSATIONS; c++) {
				UUID id = UUID.randomUUID();
				int size = (c == 0) ? LONG_CONVERSATION : MESSAGES_PER_CONVERSATION;
				longConversation = (c == 0) ? id : longConversation;
				Instant created = start.plusSeconds(c * 600L);
				String title = this.words.sentence(6);
				this.rawTextBytes += title.length();
				conversationRows.add(new Object[] { id, title, Timestamp.from(created),
						Timestamp.from(created.plusSeconds(size * 20L)) });
				UUID parent = null;
				for (int m = 0; m < size; m++) {
					UUID messageId = UUID.randomUUID();
					boolean user = m % 2 == 0;
					String content = user ? this.words.sentence(18) : this.words.paragraphs(90);
					String reasoning = user ? "" : reasoning();
					this.rawTextBytes += content.length() + reasoning.length();
					messageRows
						.add(new Object[] { messageId, id, parent, m, user ? "USER" : "ASSISTANT", content, reasoning,
								user ? null : "deepseek/deepseek-r1", Timestamp.from(created.plusSeconds(m * 20L)) });
					parent = messageId;
				}
				if (messageRows.size() >= 2_000) {
					flush(conversationRows, messageRows);
				}
			}
			flush(conversationRows, messageRows);
			return new Seeded(CONVERSATIONS, this.messages, this.rawTextBytes, longConversation);
		}

		private String reasoning() {
			String reasoning = this.words.paragraphs(180);
			return (this.random.nextInt(1000) == 0) ? reasoning + " Perhaps the " + RARE_WORD + " matters here."
					: reasoning;
		}

		private void flush(List<Object[]> conversationRows, List<Object[]> messageRows) {
			this.jdbc.batchUpdate("INSERT INTO conversation (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)",
					conversationRows);
			this.jdbc.batchUpdate("""
					INSERT INTO message (id, conversation_id, parent_id, position, role, status, content, reasoning,
					                     model, created_at, finished_at)
					VALUES (?, ?, ?, ?, ?, 'COMPLETE', ?, ?, ?, ?, NULL)""", messageRows);
			this.messages += messageRows.size();
			conversationRows.clear();
			messageRows.clear();
		}

	}

	/**
	 * Made-up words with a natural spread: a few very common, most rare (Zipf), so that
	 * word indexes see what real text gives them.
	 */
	private static final class Vocabulary {

		private static final String[] SYLLABLES = { "ka", "lo", "mi", "ne", "ru", "sa", "te", "vi", "zo", "pre", "con",
				"ter", "ment", "ing", "al", "ous", "tion", "ex", "de", "re" };

		private final Random random;

		private final String[] words = new String[5_000];

		private final double[] cumulative = new double[5_000];

		Vocabulary(Random random) {
			this.random = random;
			double total = 0;
			for (int i = 0; i < this.words.length; i++) {
				StringBuilder word = new StringBuilder();
				for (int s = 0; s < 2 + random.nextInt(3); s++) {
					word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
				}
				this.words[i] = word.toString();
				total += 1.0 / (i + 1);
				this.cumulative[i] = total;
			}
			for (int i = 0; i < this.cumulative.length; i++) {
				this.cumulative[i] /= total;
			}
		}

		String sentence(int length) {
			StringBuilder sentence = new StringBuilder();
			for (int i = 0; i < length; i++) {
				sentence.append((i == 0) ? "" : " ").append(word());
			}
			return sentence.append('.').toString();
		}

		String paragraphs(int length) {
			StringBuilder text = new StringBuilder();
			while (text.length() < length * 6) {
				text.append(sentence(8 + this.random.nextInt(12))).append(' ');
			}
			return text.toString().strip();
		}

		private String word() {
			int index = Arrays.binarySearch(this.cumulative, this.random.nextDouble());
			return this.words[Math.min(this.words.length - 1, (index >= 0) ? index : -index - 1)];
		}

	}

}
