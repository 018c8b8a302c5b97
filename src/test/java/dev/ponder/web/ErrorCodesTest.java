package dev.ponder.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.ponder.problem.ErrorCode;
import dev.ponder.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The codes that docs/api.md promises are the codes Ponder has, and each reaches a script
 * as problem details with its status, {@code code} and {@code retryable}.
 */
class ErrorCodesTest {

	private static final Pattern ROW = Pattern.compile("^\\| `([a-z_]+)` \\| (\\d{3}) \\| (yes|no) \\|",
			Pattern.MULTILINE);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final MockMvc api = MockMvcBuilders.standaloneSetup(new Refusals())
		.setControllerAdvice(new ApiExceptionHandler())
		.build();

	@Test
	void theDocumentedCodesAreExactlyTheCodesPonderHas() throws IOException {
		Map<String, String> documented = documented();

		Map<String, String> ours = new LinkedHashMap<>();
		Arrays.stream(ErrorCode.values())
			.forEach((code) -> ours.put(code.code(), code.status().value() + " " + (code.retryable() ? "yes" : "no")));

		assertThat(documented).containsExactlyInAnyOrderEntriesOf(ours);
	}

	@Test
	void everyCodeIsAProblemWithItsStatusCodeAndWhetherToRetry() throws Exception {
		for (ErrorCode code : ErrorCode.values()) {
			MvcResult result = this.api.perform(get("/api/refusals/" + code.name())).andReturn();
			JsonNode problem = json.readTree(result.getResponse().getContentAsString());

			assertThat(result.getResponse().getStatus()).as(code.code()).isEqualTo(code.status().value());
			assertThat(result.getResponse().getContentType()).as(code.code()).isEqualTo("application/problem+json");
			assertThat(problem.get("code").asString()).isEqualTo(code.code());
			assertThat(problem.get("retryable").asBoolean()).as(code.code()).isEqualTo(code.retryable());
			assertThat(problem.get("status").asInt()).as(code.code()).isEqualTo(code.status().value());
			assertThat(problem.get("detail").asString()).isEqualTo("Because of " + code.code() + ".");
			assertThat(problem.get("title").asString()).as(code.code()).isNotBlank();
			assertThat(problem.get("type").asString()).as(code.code())
				.isEqualTo("https://ponder.dev/problems/" + code.code().replace('_', '-'));
		}
	}

	@Test
	void anUnforeseenFailureIsAProblemThatKeepsItsInternalsToItself() throws Exception {
		MvcResult result = this.api.perform(get("/api/refusals/unforeseen")).andReturn();
		JsonNode problem = json.readTree(result.getResponse().getContentAsString());

		assertThat(result.getResponse().getStatus()).isEqualTo(500);
		assertThat(problem.get("code").asString()).isEqualTo("internal_error");
		assertThat(problem.get("detail").asString()).doesNotContain("secret");
	}

	@Test
	void aStoredCodeIsFoundAgainAndAStrangeOneIsNot() {
		assertThat(ErrorCode.of("rate_limited")).contains(ErrorCode.RATE_LIMITED);
		assertThat(ErrorCode.of("failed")).isEmpty();
		assertThat(ErrorCode.of(null)).isEmpty();
	}

	/** Code, status and retryable of each row of the table under "Error codes". */
	private static Map<String, String> documented() throws IOException {
		String doc = Files.readString(Path.of("docs/api.md"));
		String section = doc.substring(doc.indexOf("## Error codes"));
		Map<String, String> codes = new LinkedHashMap<>();
		Matcher row = ROW.matcher(section);
		while (row.find()) {
			codes.put(row.group(1), row.group(2) + " " + row.group(3));
		}
		return codes;
	}

	@RestController
	static class Refusals {

		@GetMapping("/api/refusals/unforeseen")
		void fail() {
			throw new IllegalStateException("a secret internal state");
		}

		@GetMapping("/api/refusals/{code}")
		void refuse(@PathVariable ErrorCode code) {
			throw new ProblemException(code, "Because of " + code.code() + ".");
		}

	}

}
