package dev.ponder.preset;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import dev.ponder.account.AdministratorAvailable;
import dev.ponder.testing.Api;
import dev.ponder.testing.FakeGeneration;
import dev.ponder.testing.RecordedRequest;
import dev.ponder.testing.Script;
import dev.ponder.testing.TwoPeopleApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Presets with accounts on: each person's are their own, an administrator alone shares
 * one with everyone, and a shared one is seen and used by all but changed only by its
 * owner or an administrator. Run on H2 and PostgreSQL.
 */
abstract class PresetsBetweenPeopleContract extends TwoPeopleApplication {

	@Autowired
	PresetRepository presets;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void anotherPersonsPresetIsAsUnknownAsNone() {
		String id = create(alice(), "{\"name\":\"Alice's kestrel\",\"model\":\"openai/o3-mini\"}");

		assertThat(names(bob())).doesNotContain("Alice's kestrel");
		for (String method : List.of("GET", "PATCH", "DELETE")) {
			Api.Reply reply = bob().call(method, "/api/presets/" + id,
					method.equals("PATCH") ? "{\"name\":\"x\"}" : null);
			assertThat(reply.status()).as(method).isEqualTo(404);
		}
		String conversation = bob().post("/api/conversations", "{}").body().get("id").asString();
		Api.Reply send = bob().post("/api/conversations/" + conversation + "/messages",
				"{\"content\":\"Borrowing a kestrel\",\"preset\":\"" + id + "\"}");
		assertThat(send.status()).isEqualTo(404);
		assertThat(upstream.requests()).isEmpty();
		assertThat(alice().get("/api/presets/" + id).status()).isEqualTo(200);
	}

	@Test
	void twoPeopleMayNameTheirPresetsAlike() {
		assertThat(alice().post("/api/presets", "{\"name\":\"Morning heron\"}").status()).isEqualTo(201);
		assertThat(bob().post("/api/presets", "{\"name\":\"morning heron\"}").status()).isEqualTo(201);
	}

	@Test
	void onlyAnAdministratorSharesAPreset() {
		Api.Reply refused = alice().post("/api/presets", "{\"name\":\"Alice's public owl\",\"shared\":true}");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body().get("code").asString()).isEqualTo("forbidden");
		assertThat(refused.body().get("detail").asString())
			.isEqualTo("Only an administrator can share a preset with everyone, or stop sharing it.");
		String own = create(alice(), "{\"name\":\"Alice's private owl\"}");
		assertThat(alice().call("PATCH", "/api/presets/" + own, "{\"shared\":true}").status()).isEqualTo(403);
		assertThat(names(bob())).doesNotContain("Alice's public owl", "Alice's private owl");
	}

	@Test
	void aSharedPresetIsSeenAndUsedByEveryoneAndChangedOnlyByItsOwnerOrAnAdministrator() {
		String id = create(root(), """
				{"name":"House magpie","shared":true,"model":"openai/o3-mini","reasoning":{"effort":"minimal"}}""");

		JsonNode seen = bob().get("/api/presets")
			.body()
			.valueStream()
			.filter((preset) -> preset.get("name").asString().equals("House magpie"))
			.findFirst()
			.orElseThrow();
		assertThat(seen.get("shared").asBoolean()).isTrue();
		assertThat(seen.get("mine").asBoolean()).isFalse();
		assertThat(seen.get("editable").asBoolean()).isFalse();

		upstream.enqueueFor("openai/o3-mini", Script.answer(FakeGeneration.unique().servedBy("openai/o3-mini", "Fake"),
				List.of("Shiny."), List.of("Magpies like shiny things."), Duration.ZERO));
		String conversation = bob().post("/api/conversations", "{}").body().get("id").asString();
		Api.Reply send = bob().post("/api/conversations/" + conversation + "/messages",
				"{\"content\":\"What do magpies like?\",\"preset\":\"" + id + "\"}");
		assertThat(send.status()).isEqualTo(200);
		RecordedRequest sent = upstream.takeRequest();
		assertThat(sent.json().get("model").asString()).isEqualTo("openai/o3-mini");
		assertThat(sent.json().get("reasoning").get("effort").asString()).isEqualTo("minimal");

		Api.Reply changed = bob().call("PATCH", "/api/presets/" + id, "{\"name\":\"Bob's magpie\"}");
		assertThat(changed.status()).isEqualTo(403);
		assertThat(changed.body().get("detail").asString()).contains("only its owner or an administrator");
		assertThat(bob().call("DELETE", "/api/presets/" + id, null).status()).isEqualTo(403);

		assertThat(root().call("PATCH", "/api/presets/" + id, "{\"shared\":false}").status()).isEqualTo(200);
		assertThat(names(bob())).doesNotContain("House magpie");
		assertThat(bob().get("/api/presets/" + id).status()).isEqualTo(404);
	}

	@Test
	void presetsMadeWithAccountsOffGoToTheFirstAdministrator() {
		String id = create(root(), "{\"name\":\"Root's curlew\"}");
		UUID rootId = this.presets.findById(UUID.fromString(id)).orElseThrow().getOwnerId();
		Instant now = Instant.now();
		this.presets.saveAndFlush(new Preset(null, "Root's curlew", now));
		this.presets.saveAndFlush(new Preset(null, "Lonely curlew", now));

		this.events.publishEvent(new AdministratorAvailable(rootId));

		assertThat(names(root())).contains("Root's curlew", "Root's curlew (2)", "Lonely curlew");
		assertThat(names(alice())).doesNotContain("Root's curlew (2)", "Lonely curlew");
	}

	private static String create(Api who, String body) {
		Api.Reply created = who.post("/api/presets", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.header("Location")).endsWith("/api/presets/" + created.body().get("id").asString());
		return created.body().get("id").asString();
	}

	private static List<String> names(Api who) {
		return who.get("/api/presets").body().valueStream().map((preset) -> preset.get("name").asString()).toList();
	}

}
