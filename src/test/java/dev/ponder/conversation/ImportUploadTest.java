package dev.ponder.conversation;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;

import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.Visitor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing through the plain form and through the API takes the same files: one limit,
 * {@code PONDER_IMPORT_MAX_SIZE} (50 MB by default), for both.
 * <p>
 * Its own application and database: in the shared one, late in a full run (three runs of
 * three, never alone nor in either half of the suite), the notice the import leaves for
 * the next page did not reach it; the cause is not found yet.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:import-upload;DB_CLOSE_DELAY=-1")
class ImportUploadTest extends AppTestSupport {

	@Test
	void theFormTakesAFileLargerThanAMegabyteAsTheApiDoes() {
		String word = "uploaded" + System.nanoTime();
		String title = "Uploaded " + word;
		byte[] file = ImportFiles.withQuestionOf(1_500_000, title).getBytes(StandardCharsets.UTF_8);
		Visitor browser = new Visitor(this.port);

		HttpResponse<String> uploaded = browser.upload("/", "/import", "file", "big.json", file);

		assertThat(Visitor.location(uploaded)).endsWith("/");
		assertThat(browser.get("/").body()).contains("Imported 1 conversation.");
		// The file's conversation is from January, far down a sidebar that other tests
		// fill:
		// a search finds it wherever it is.
		assertThat(browser.get("/?q=" + word).body()).contains(title);
		String other = "Posted " + System.nanoTime();
		Reply posted = exchange(HttpMethod.POST, "/api/import", ImportFiles.withQuestionOf(1_500_000, other));
		assertThat(posted.status()).isEqualTo(200);
		assertThat(posted.body().get("imported").asInt()).isEqualTo(1);
	}

}
