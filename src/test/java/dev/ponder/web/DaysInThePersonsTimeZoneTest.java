package dev.ponder.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.MutableClock;
import dev.ponder.testing.Script;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Days are the person's: the sidebar's groups and usage by day are counted in the time
 * zone the browser named in its {@code ponder_zone} cookie (or a script in
 * {@code ?zone=}), not in the server's. Half past eleven at night in London is already
 * tomorrow in Paris.
 */
@Import(DaysInThePersonsTimeZoneTest.HandMovedClock.class)
class DaysInThePersonsTimeZoneTest extends AppTestSupport {

	private static final Instant LATE_EVENING_UTC = Instant.parse("2026-11-24T23:30:00Z");

	private static final Instant AN_HOUR_LATER = Instant.parse("2026-11-25T00:30:00Z");

	@Autowired
	MutableClock clock;

	/** A database of its own, so that usage counts only this class's answers. */
	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:time-zone-test;DB_CLOSE_DELAY=-1");
	}

	@TestConfiguration
	static class HandMovedClock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(AN_HOUR_LATER);
		}

	}

	@Test
	void aConversationFromHalfPastElevenUtcIsTodayInParisAndYesterdayInUtc() {
		moveClockTo(AN_HOUR_LATER);
		String title = "Late talk " + UUID.randomUUID();
		importConversation(title, LATE_EVENING_UTC);

		String paris = page("/", "Europe/Paris");
		String utc = page("/", "UTC");

		assertThat(groupOf(title, paris)).isEqualTo("Today");
		assertThat(paris).contains("data-zone=\"Europe/Paris\"");
		assertThat(groupOf(title, utc)).isEqualTo("Yesterday");
		assertThat(utc).contains("data-zone=\"UTC\"");
		assertThat(groupOf(title, page("/", "Mars/Olympus"))).as("a cookie naming no zone is ignored")
			.isEqualTo(groupOf(title, page("/", null)));
	}

	@Test
	void usageByDayCountsTheCookiesZoneAndAScriptMayNameAnother() {
		moveClockTo(LATE_EVENING_UTC);
		upstream.enqueue(Script.answer(List.of("Hmm."), List.of("Hello."), Duration.ZERO));
		allEvents(send(newConversation(), "Hi"));
		moveClockTo(AN_HOUR_LATER);

		JsonNode paris = usage("/api/usage?days=2", "Europe/Paris");
		JsonNode utc = usage("/api/usage?days=2", "UTC");
		JsonNode named = usage("/api/usage?days=2&zone=Europe/Paris", "UTC");

		assertThat(answersByDay(paris)).containsExactly("2026-11-24: 0", "2026-11-25: 1");
		assertThat(answersByDay(utc)).containsExactly("2026-11-24: 1", "2026-11-25: 0");
		assertThat(answersByDay(named)).isEqualTo(answersByDay(paris));
		assertThat(answersByDay(usage("/api/usage?days=2", "Mars/Olympus")))
			.isEqualTo(answersByDay(usage("/api/usage?days=2", null)));
		assertThat(exchange(HttpMethod.GET, "/api/usage?zone=Mars/Olympus", null).status()).isEqualTo(400);
		assertThat(page("/usage?days=7", "Europe/Paris")).contains("Wed 25 Nov 2026: $0.000042, 1 answer");
		assertThat(page("/usage?days=7", "UTC")).contains("Tue 24 Nov 2026: $0.000042, 1 answer");
	}

	private void moveClockTo(Instant instant) {
		this.clock.advance(Duration.between(this.clock.instant(), instant));
	}

	private String page(String path, String zoneCookie) {
		return get(path, zoneCookie, MediaType.TEXT_HTML);
	}

	private JsonNode usage(String path, String zoneCookie) {
		return json.readTree(get(path, zoneCookie, MediaType.APPLICATION_JSON));
	}

	private String get(String path, String zoneCookie, MediaType type) {
		return client().get().uri(path).accept(type).headers((headers) -> {
			if (zoneCookie != null) {
				headers.add("Cookie", "ponder_zone=" + zoneCookie);
			}
		}).retrieve().bodyToMono(String.class).block(Duration.ofSeconds(5));
	}

	/** The heading of the sidebar group a conversation is listed under. */
	private static String groupOf(String title, String html) {
		int at = html.indexOf(title);
		assertThat(at).as("the sidebar lists " + title).isNotNegative();
		String marker = "data-label=\"";
		int label = html.lastIndexOf(marker, at) + marker.length();
		return html.substring(label, html.indexOf('"', label));
	}

	private static List<String> answersByDay(JsonNode usage) {
		return usage.get("byDay")
			.valueStream()
			.map((day) -> day.get("day").asString() + ": " + day.get("answers").asLong())
			.toList();
	}

	private void importConversation(String title, Instant updatedAt) {
		String file = """
				{"format": "ponder", "version": 1, "exportedAt": "%2$s", "conversations": [
				  {"id": "%3$s", "title": "%1$s", "createdAt": "%2$s", "updatedAt": "%2$s", "pinned": false,
				   "messages": []}]}""".formatted(title, updatedAt, UUID.randomUUID());
		Reply reply = exchange(HttpMethod.POST, "/api/import", file);
		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
	}

}
