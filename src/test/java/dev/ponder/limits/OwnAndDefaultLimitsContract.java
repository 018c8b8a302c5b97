package dev.ponder.limits;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import dev.ponder.testing.Api;
import dev.ponder.testing.Script;
import dev.ponder.testing.TwoPeople;
import dev.ponder.testing.TwoPeopleApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's own limits against the defaults, through the admin API: each limit in force
 * comes with where it comes from ({@code own}, {@code default}, {@code none}), a person
 * may be exempt from a default ({@code "none"}) or go back to it ({@code null}), and a
 * refused change changes nothing, neither the limits nor the account. On an instance with
 * a default of $0 a day, which refuses every send but an exempt person's. Run on H2 and
 * PostgreSQL.
 */
@TestPropertySource(properties = { "ponder.limits.default-daily=0", "ponder.limits.default-monthly=50" })
abstract class OwnAndDefaultLimitsContract extends TwoPeopleApplication {

	@Test
	void aPersonIsExemptFromTheDefaultWithNoneAndGoesBackToItWithNull() {
		String id = person("kestrel");
		Api kestrel = Api.basic(this.port, "kestrel", TwoPeople.PASSWORD);

		Api.Reply fresh = root().get("/api/admin/users/" + id);
		assertThat(fresh.body().get("dailyLimit").decimalValue()).isEqualByComparingTo("0");
		assertThat(fresh.body().get("dailyLimitSource").asString()).isEqualTo("default");
		assertThat(fresh.body().get("monthlyLimit").decimalValue()).isEqualByComparingTo("50");
		assertThat(fresh.body().get("monthlyLimitSource").asString()).isEqualTo("default");
		assertThat(send(kestrel, "Kestrel refused").status()).isEqualTo(402);

		Api.Reply exempt = root().call("PATCH", "/api/admin/users/" + id, "{\"dailyLimit\": \"none\"}");

		assertThat(exempt.status()).as(exempt.toString()).isEqualTo(200);
		assertThat(exempt.body().get("dailyLimit").isNull()).isTrue();
		assertThat(exempt.body().get("dailyLimitSource").asString()).isEqualTo("none");
		assertThat(exempt.body().get("monthlyLimitSource").asString()).isEqualTo("default");
		Api.Reply herself = kestrel.get("/api/account");
		assertThat(herself.body().get("dailyLimitSource").asString()).as("one's own account says so too")
			.isEqualTo("none");
		upstream.enqueue(
				Script.answer(java.util.List.of("Hm."), java.util.List.of("Free to ask."), java.time.Duration.ZERO));
		assertThat(send(kestrel, "Kestrel exempt").status()).as("the default of $0 does not apply").isEqualTo(200);

		Api.Reply own = root().call("PATCH", "/api/admin/users/" + id, "{\"dailyLimit\": 7, \"monthlyLimit\": 50}");
		assertThat(own.body().get("dailyLimit").decimalValue()).isEqualByComparingTo("7");
		assertThat(own.body().get("dailyLimitSource").asString()).isEqualTo("own");
		assertThat(own.body().get("monthlyLimitSource").asString())
			.as("the same amount as the default, given as the person's own")
			.isEqualTo("own");

		Api.Reply back = root().call("PATCH", "/api/admin/users/" + id,
				"{\"dailyLimit\": null, \"monthlyLimit\": null}");
		assertThat(back.body().get("dailyLimit").decimalValue()).isEqualByComparingTo("0");
		assertThat(back.body().get("dailyLimitSource").asString()).isEqualTo("default");
		assertThat(back.body().get("monthlyLimitSource").asString()).isEqualTo("default");
		assertThat(send(kestrel, "Kestrel refused again").status()).isEqualTo(402);

		Api.Reply unknownWord = root().call("PATCH", "/api/admin/users/" + id, "{\"dailyLimit\": \"unlimited\"}");
		assertThat(unknownWord.status()).isEqualTo(400);
		assertThat(unknownWord.body().get("detail").asString()).isEqualTo(
				"dailyLimit is an amount of US dollars, such as 5 or 2.50, null for the default, or \"none\" for no limit.");
	}

	@Test
	void aRefusedChangeChangesNeitherTheLimitsNorTheAccount() {
		String id = person("merlin");

		Api.Reply badPassword = root().call("PATCH", "/api/admin/users/" + id,
				"{\"dailyLimit\": 5, \"allowedModels\": [\"openai/*\"], \"password\": \"x\"}");
		Api.Reply badLimit = root().call("PATCH", "/api/admin/users/" + id, "{\"dailyLimit\": -3, \"disabled\": true}");

		assertThat(badPassword.status()).as(badPassword.toString()).isEqualTo(400);
		assertThat(badLimit.status()).as(badLimit.toString()).isEqualTo(400);
		Api.Reply seen = root().get("/api/admin/users/" + id);
		assertThat(seen.body().get("dailyLimitSource").asString()).isEqualTo("default");
		assertThat(seen.body().get("dailyLimit").decimalValue()).isEqualByComparingTo("0");
		assertThat(seen.body().get("allowedModels").isNull()).isTrue();
		assertThat(seen.body().get("disabled").asBoolean()).isFalse();
		assertThat(Api.basic(this.port, "merlin", TwoPeople.PASSWORD).get("/api/account").status())
			.as("the old password still works")
			.isEqualTo(200);
	}

	@Test
	void aListOfBlankModelPatternsAllowsEveryModel() {
		String id = person("harrier");
		root().call("PATCH", "/api/admin/users/" + id, "{\"dailyLimit\": \"none\"}");

		Api.Reply blank = root().call("PATCH", "/api/admin/users/" + id, "{\"allowedModels\": [\"\", \" \"]}");

		assertThat(blank.status()).as(blank.toString()).isEqualTo(200);
		assertThat(blank.body().get("allowedModels").isNull()).isTrue();
		upstream
			.enqueue(Script.answer(java.util.List.of("Hm."), java.util.List.of("Any model."), java.time.Duration.ZERO));
		assertThat(send(Api.basic(this.port, "harrier", TwoPeople.PASSWORD), "Harrier models").status()).isEqualTo(200);
	}

	private static Api.Reply send(Api person, String title) {
		String conversation = person.post("/api/conversations", "{\"title\":\"" + title + "\"}")
			.body()
			.get("id")
			.asString();
		return person.post("/api/conversations/" + conversation + "/messages",
				"{\"content\":\"May I?\",\"model\":\"deepseek/deepseek-r1\"}");
	}

	/** A new person's id. */
	private String person(String name) {
		Api.Reply made = root().post("/api/admin/users",
				"{\"username\":\"" + name + "\",\"password\":\"" + TwoPeople.PASSWORD + "\"}");
		assertThat(made.status()).as(made.toString()).isEqualTo(201);
		return made.body().get("id").asString();
	}

}
