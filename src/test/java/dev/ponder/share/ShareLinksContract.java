package dev.ponder.share;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.ponder.account.AdministratorAvailable;
import dev.ponder.share.SharedConversationFiles.Turn;
import dev.ponder.testing.Api;
import dev.ponder.testing.Chunks;
import dev.ponder.testing.Gate;
import dev.ponder.testing.Script;
import dev.ponder.testing.TwoPeopleApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Share links with accounts on: a person shares a conversation as it is, anyone with the
 * link reads it without an account, sharing again moves the same link, and another
 * person's conversations and links are as unknown as none. Run on H2 and PostgreSQL.
 */
abstract class ShareLinksContract extends TwoPeopleApplication {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void aLinkShowsTheConversationWithItsReasoningToAnyoneWithoutAnAccount() {
		String conversation = imported(alice(), "Kingfisher arithmetic", new Turn("Which is bigger, 9.11 or 9.9?",
				"Line up the decimals: 0.11 against 0.90.", "9.9 is bigger."));

		Api.Reply shared = alice().post("/api/conversations/" + conversation + "/share", null);

		assertThat(shared.status()).as(shared.toString()).isEqualTo(201);
		String token = shared.body().get("token").asString();
		assertThat(token).matches("[A-Za-z0-9_-]{22}");
		assertThat(shared.body().get("url").asString()).endsWith("/s/" + token);
		assertThat(shared.body().get("createdAt").isNull()).isFalse();
		assertThat(shared.body().get("showCosts").asBoolean()).isFalse();
		Api.Reply page = anyone().get("/s/" + token);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Set-Cookie")).as("no session for a reader").isNull();
		assertThat(page.header("X-Robots-Tag")).contains("noindex");
		assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
		assertThat(page.text()).contains("<meta name=\"robots\" content=\"noindex, nofollow\">",
				"Kingfisher arithmetic", "Which is bigger, 9.11 or 9.9?", "Line up the decimals: 0.11 against 0.90.",
				"9.9 is bigger.", "deepseek/deepseek-r1 · reasoning high · DeepInfra",
				"Thought for 12 s · 84 reasoning tokens", "data-reasoning-effort=\"high\"");
		assertThat(page.text()).doesNotContain("alice", "$", "/api/", "href=\"/c/", "sidebar");
	}

	@Test
	void sharingAgainMovesTheSameLinkToTheConversationAsItIsNow() {
		String conversation = imported(alice(), "Heron sums", new Turn("What is 2 + 2?", "Two and two.", "Four."));
		String token = alice().post("/api/conversations/" + conversation + "/share", null)
			.body()
			.get("token")
			.asString();
		upstream
			.enqueue(Script.answer(List.of("Three more than the last."), List.of("Seven."), java.time.Duration.ZERO));
		Api.Reply sent = alice().post("/api/conversations/" + conversation + "/messages",
				"{\"content\":\"And 3 + 4?\",\"model\":\"deepseek/deepseek-r1\"}");
		assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
		assertThat(alice().get("/api/conversations/" + conversation).body().get("messages").size()).isEqualTo(4);

		assertThat(anyone().get("/s/" + token).text()).contains("Four.").doesNotContain("And 3 + 4?", "Seven.");

		Api.Reply again = alice().post("/api/conversations/" + conversation + "/share", "{\"showCosts\":true}");
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body().get("token").asString()).isEqualTo(token);
		assertThat(again.body().get("showCosts").asBoolean()).isTrue();
		assertThat(anyone().get("/s/" + token).text()).contains("Four.", "And 3 + 4?", "Three more than the last.",
				"Seven.");
		assertThat(linksOf(alice(), conversation)).hasSize(1);
	}

	@Test
	void showingCostsChangesOnlyThatAndLeavesTheSnapshotWhereItWas() {
		String conversation = imported(alice(), "Plover costs", new Turn("What is 5 + 5?", "Five twice.", "Ten."));
		String token = alice().post("/api/conversations/" + conversation + "/share", null)
			.body()
			.get("token")
			.asString();
		String sharedAt = linksOf(alice(), conversation).get(0).get("updatedAt").asString();
		upstream.enqueue(Script.answer(List.of("Six more."), List.of("Sixteen."), java.time.Duration.ZERO));
		assertThat(alice()
			.post("/api/conversations/" + conversation + "/messages",
					"{\"content\":\"And 10 + 6?\",\"model\":\"deepseek/deepseek-r1\"}")
			.status()).isEqualTo(200);

		Api.Reply changed = alice().call("PATCH", "/api/shares/" + token, "{\"showCosts\":true}");

		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.body().get("showCosts").asBoolean()).isTrue();
		assertThat(changed.body().get("updatedAt").asString()).isEqualTo(sharedAt);
		assertThat(anyone().get("/s/" + token).text()).contains("Ten.", "$").doesNotContain("And 10 + 6?");
		Api.Reply empty = alice().call("PATCH", "/api/shares/" + token, "{}");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.text()).contains("showCosts true or false");
		assertThat(bob().call("PATCH", "/api/shares/" + token, "{\"showCosts\":false}").status()).isEqualTo(404);
		assertThat(alice().call("PATCH", "/api/shares/not-a-token", "{\"showCosts\":false}").status()).isEqualTo(404);
		assertThat(linksOf(alice(), conversation).get(0).get("showCosts").asBoolean()).isTrue();
	}

	@Test
	void sharingOneConversationFromManyPlacesAtOnceMakesOneLink() throws Exception {
		String conversation = imported(alice(), "Avocet at once", new Turn("Q", "R", "A"));
		Api script = this.people.alicesScript();
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService callers = Executors.newFixedThreadPool(6);
		try {
			List<Future<Api.Reply>> replies = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				replies.add(callers.submit(() -> {
					go.await();
					return script.post("/api/conversations/" + conversation + "/share", null);
				}));
			}
			go.countDown();
			List<Api.Reply> shared = new ArrayList<>();
			for (Future<Api.Reply> reply : replies) {
				shared.add(reply.get(30, TimeUnit.SECONDS));
			}

			assertThat(shared).allSatisfy((reply) -> assertThat(reply.status()).as(reply.toString()).isIn(200, 201));
			assertThat(shared).filteredOn((reply) -> reply.status() == 201).hasSize(1);
			assertThat(shared.stream().map((reply) -> reply.body().get("token").asString()).distinct()).hasSize(1);
			assertThat(linksOf(alice(), conversation)).hasSize(1);
		}
		finally {
			callers.shutdownNow();
		}
	}

	@Test
	void aFailedAnswerSaysWhyInPondersWordsNotTheUpstreams() {
		Api.Reply imported = alice().post("/api/import", SharedConversationFiles.failed("Skua credit", "Think hard?",
				"out_of_credits", "You requested up to 16000 tokens, but can only afford 3021."));
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		String conversation = imported.body().get("conversations").get(0).asString();
		String token = alice().post("/api/conversations/" + conversation + "/share", "{\"showCosts\":true}")
			.body()
			.get("token")
			.asString();

		String page = anyone().get("/s/" + token).text();

		assertThat(page).contains("Think hard?", "Out of credits.").doesNotContain("3021", "16000", "afford");
		assertThat(alice().get("/api/conversations/" + conversation).text()).as("the owner still sees it all")
			.contains("can only afford 3021");
	}

	@Test
	void anAnswerStillBeingWrittenIsLeftOutUntilItEnds() throws Exception {
		String conversation = imported(alice(), "Petrel streaming", new Turn("First?", "R.", "First answer."));
		Gate answering = new Gate();
		upstream.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning("Half a thought "))
			.chunk(Chunks.content("Half an answer"))
			.waitFor(answering)
			.chunk(Chunks.content(", and the rest."))
			.chunk(Chunks.finish("stop"))
			.done());
		CompletableFuture<Api.Reply> sent = CompletableFuture
			.supplyAsync(() -> alice().post("/api/conversations/" + conversation + "/messages",
					"{\"content\":\"Second?\",\"model\":\"deepseek/deepseek-r1\"}"));
		answering.awaitReached();

		String token = alice().post("/api/conversations/" + conversation + "/share", null)
			.body()
			.get("token")
			.asString();

		assertThat(anyone().get("/s/" + token).text()).contains("First answer.", "Second?")
			.doesNotContain("Half a thought", "Half an answer");
		answering.open();
		assertThat(sent.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
		assertThat(anyone().get("/s/" + token).text()).contains("Half an answer, and the rest.");
	}

	@Test
	void aQuestionsFilesAreNamedButNotReachable() {
		Api.Reply imported = alice().post("/api/import", SharedConversationFiles.conversation("Tern files",
				List.of(new Turn("What do the counts say?", "Read the file.", "Few birds.")), "tern-counts.txt"));
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		String conversation = imported.body().get("conversations").get(0).asString();
		String token = alice().post("/api/conversations/" + conversation + "/share", null)
			.body()
			.get("token")
			.asString();

		String page = anyone().get("/s/" + token).text();

		assertThat(page).contains("tern-counts.txt", "What do the counts say?").doesNotContain("/api/attachments");
	}

	@Test
	void costsAreShownOnlyWhenTheOwnerSaysSo() {
		String conversation = imported(alice(), "Plover prices", new Turn("Cheap?", "Count.", "Yes."));
		String token = alice().post("/api/conversations/" + conversation + "/share", "{\"showCosts\":false}")
			.body()
			.get("token")
			.asString();
		assertThat(anyone().get("/s/" + token).text()).doesNotContain("$");

		alice().post("/api/conversations/" + conversation + "/share", "{\"showCosts\":true}");
		assertThat(anyone().get("/s/" + token).text()).contains(SharedConversationFiles.COST);

		// Sharing again without saying keeps the owner's choice.
		alice().post("/api/conversations/" + conversation + "/share", null);
		assertThat(anyone().get("/s/" + token).text()).contains(SharedConversationFiles.COST);
	}

	@Test
	void eachPersonListsOnlyTheirOwnLinks() {
		String conversation = imported(alice(), "Curlew list", new Turn("Q", "R", "A"));
		alice().post("/api/conversations/" + conversation + "/share", null);

		JsonNode link = linksOf(alice(), conversation).get(0);
		assertThat(link.get("title").asString()).isEqualTo("Curlew list");
		assertThat(link.get("url").asString()).endsWith("/s/" + link.get("token").asString());
		assertThat(link.get("showCosts").asBoolean()).isFalse();
		assertThat(link.get("createdAt").isNull()).isFalse();
		assertThat(link.get("updatedAt").isNull()).isFalse();
		assertThat(linksOf(bob(), conversation)).isEmpty();
	}

	@Test
	void aRevokedLinkIsAPlainNotFoundPage() {
		String conversation = imported(alice(), "Snipe revoked", new Turn("Q", "R", "A"));
		String token = alice().post("/api/conversations/" + conversation + "/share", null)
			.body()
			.get("token")
			.asString();

		assertThat(alice().call("DELETE", "/api/shares/" + token, null).status()).isEqualTo(204);

		Api.Reply page = anyone().get("/s/" + token);
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.header("Location")).as("not the log-in page").isNull();
		assertThat(page.text()).contains("This link does not exist").doesNotContain("Snipe revoked");
		assertThat(alice().call("DELETE", "/api/shares/" + token, null).status()).isEqualTo(404);
		assertThat(linksOf(alice(), conversation)).isEmpty();
	}

	@Test
	void anotherPersonsConversationOrLinkIsAsUnknownAsNone() {
		String conversation = imported(alice(), "Alice's godwit", new Turn("Q", "R", "A"));
		String token = alice().post("/api/conversations/" + conversation + "/share", null)
			.body()
			.get("token")
			.asString();

		Api.Reply share = bob().post("/api/conversations/" + conversation + "/share", null);
		assertThat(share.status()).isEqualTo(404);
		assertThat(share.body().get("code").asString()).isEqualTo("not_found");
		assertThat(bob().call("DELETE", "/api/shares/" + token, null).status()).isEqualTo(404);

		assertThat(linksOf(alice(), conversation)).hasSize(1);
		assertThat(linksOf(alice(), conversation).get(0).get("token").asString()).isEqualTo(token);
		assertThat(anyone().get("/s/" + token).status()).isEqualTo(200);
	}

	@Test
	void craftedTokensReachNothing() {
		for (String token : List.of("abc", "AAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAAA", "%3Cscript%3E",
				"..%2F..%2Fapi%2Fshares", "00000000-0000-0000-0000-000000000000")) {
			Api.Reply page = anyone().get("/s/" + token);
			assertThat(page.status()).as(token).isIn(400, 404);
			assertThat(page.header("Location")).as(token).isNull();
		}
		assertThat(alice().call("DELETE", "/api/shares/abc", null).status()).isEqualTo(404);
	}

	@Test
	void aDeletedConversationsLinkIsGone() {
		String conversation = imported(alice(), "Dunlin deleted", new Turn("Q", "R", "A"));
		String token = alice().post("/api/conversations/" + conversation + "/share", null)
			.body()
			.get("token")
			.asString();

		assertThat(alice().call("DELETE", "/api/conversations/" + conversation, null).status()).isEqualTo(204);

		assertThat(anyone().get("/s/" + token).status()).isEqualTo(404);
	}

	@Test
	void anUnknownConversationIsNotFoundAndMakesNoLink() {
		Api.Reply share = alice().post("/api/conversations/" + java.util.UUID.randomUUID() + "/share", null);
		assertThat(share.status()).isEqualTo(404);
		Api.Reply malformed = alice().post("/api/conversations/not-an-id/share", null);
		assertThat(malformed.status()).isIn(400, 404);
	}

	@Test
	void linksMadeWithAccountsOffGoToTheFirstAdministrator() {
		String conversation = imported(alice(), "Ownerless sandpiper", new Turn("Q", "R", "A"));
		String token = alice().post("/api/conversations/" + conversation + "/share", null)
			.body()
			.get("token")
			.asString();
		this.jdbc.update("update share_link set owner_id = null where token = ?", token);
		java.util.UUID rootId = java.util.UUID.fromString(root().get("/api/account").body().get("id").asString());

		this.events.publishEvent(new AdministratorAvailable(rootId));

		assertThat(root().get("/api/shares").text()).contains(token);
		assertThat(root().call("DELETE", "/api/shares/" + token, null).status()).isEqualTo(204);
	}

	private static String imported(Api who, String title, Turn... turns) {
		Api.Reply reply = who.post("/api/import", SharedConversationFiles.conversation(title, List.of(turns)));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.body().get("conversations").get(0).asString();
	}

	private static List<JsonNode> linksOf(Api who, String conversation) {
		return who.get("/api/shares")
			.body()
			.valueStream()
			.filter((link) -> link.get("conversationId").asString().equals(conversation))
			.toList();
	}

}
