package dev.ponder.conversation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;

import dev.ponder.testing.BrowserTestSupport;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sidebar in Chromium: conversations grouped by day with the pinned ones on top, more
 * of them as the list scrolls, search that finds what the model thought, and renaming,
 * pinning, deleting (with undo), exporting and importing.
 */
// A database of its own: which conversations make the sidebar's first page depends on
// how many others exist, and the tests that share the default context add some today.
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:sidebar-test;DB_CLOSE_DELAY=-1")
class SidebarBrowserTest extends BrowserTestSupport {

	/**
	 * Each test's titles carry this, so the conversations other tests left behind don't
	 * matter.
	 */
	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void conversationsAreGroupedByDayWithThePinnedOnTopAndMoreLoadAsTheListScrolls() {
		Instant today = LocalDate.now(ZoneId.systemDefault()).atStartOfDay(ZoneId.systemDefault()).toInstant();
		ArrayNode conversations = json.createArrayNode();
		conversations.add(conversation("Pinned plan " + this.tag, Instant.parse("2025-01-10T12:00:00Z"), true));
		conversations.add(conversation("Fresh talk " + this.tag, Instant.now(), false));
		conversations.add(conversation("Yesterday's talk " + this.tag, today.minus(Duration.ofHours(12)), false));
		conversations.add(conversation("Earlier this week " + this.tag, today.minus(Duration.ofDays(3)), false));
		for (int day = 1; day <= 28; day++) {
			for (int hour = 0; hour < 4; hour++) {
				conversations.add(conversation("June talk " + this.tag + " " + day + "/" + hour,
						Instant.parse("2024-06-%02dT%02d:00:00Z".formatted(day, 10 + hour)), false));
			}
		}
		conversations.add(conversation("Oldest talk " + this.tag, Instant.parse("2020-01-15T12:00:00Z"), false));
		importConversations(conversations);

		this.page.navigate("/");

		Locator groups = this.page.locator(".conversation-group");
		assertThat(groups.first().locator(".conversation-group-label")).hasText("Pinned");
		assertThat(group("Pinned")).containsText("Pinned plan " + this.tag);
		assertThat(group("Pinned").locator(".pin-mark").first()).isVisible();
		assertThat(group("Today")).containsText("Fresh talk " + this.tag);
		assertThat(group("Yesterday")).containsText("Yesterday's talk " + this.tag);
		assertThat(group("Previous 7 days")).containsText("Earlier this week " + this.tag);
		assertThat(group("June 2024")).containsText("June talk " + this.tag + " 28/3");
		assertThat(this.page.getByText("Oldest talk " + this.tag)).hasCount(0);

		this.page.locator(".conversations").evaluate("(list) => list.scrollTop = list.scrollHeight");

		assertThat(group("January 2020")).containsText("Oldest talk " + this.tag);
		assertThat(group("June 2024")).containsText("June talk " + this.tag + " 1/0");
		assertThat(this.page.locator(".conversation-group-label",
				new Page.LocatorOptions().setHasText(Pattern.compile("^June 2024$"))))
			.hasCount(1);
	}

	@Test
	void theSidebarCountsDaysInTheBrowsersTimeZoneFromTheSecondPageOn() {
		ZoneId server = ZoneId.systemDefault();
		Instant now = Instant.now();
		// A zone and a moment that is, say, today there but yesterday on the server.
		record Case(ZoneId zone, Instant updatedAt) {
		}
		Case chosen = Stream.of("Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Tokyo", "America/Los_Angeles")
			.map(ZoneId::of)
			.flatMap((zone) -> Stream.of(LocalDate.now(zone).atStartOfDay(zone).toInstant())
				.flatMap((midnight) -> Stream.of(midnight, midnight.minus(Duration.ofMinutes(1))))
				.map((at) -> new Case(zone, at)))
			.filter((c) -> !dayLabel(c.updatedAt(), now, c.zone()).equals(dayLabel(c.updatedAt(), now, server)))
			.findFirst()
			.orElseThrow();
		String title = "Around midnight " + this.tag;
		importConversations(json.createArrayNode().add(conversation(title, chosen.updatedAt(), false)));
		Page page = newContext(new Browser.NewContextOptions().setTimezoneId(chosen.zone().getId())).newPage();

		page.navigate("/");
		String serverLabel = dayLabel(chosen.updatedAt(), now, server);
		assertThat(group(page, serverLabel)).containsText(title);
		// A regroup after a change counts in the zone the page was grouped in.
		openRowMenu(page, title);
		menuItem(page, "Pin").click();
		assertThat(group(page, "Pinned")).containsText(title);
		openRowMenu(page, title);
		menuItem(page, "Unpin").click();
		assertThat(group(page, serverLabel)).containsText(title);

		page.reload();

		assertThat(group(page, dayLabel(chosen.updatedAt(), now, chosen.zone()))).containsText(title);
		page.context().close();
	}

	/**
	 * Today, Yesterday or older, as the sidebar says of a conversation last active at
	 * {@code at}.
	 */
	private static String dayLabel(Instant at, Instant now, ZoneId zone) {
		long ago = ChronoUnit.DAYS.between(LocalDate.ofInstant(at, zone), LocalDate.ofInstant(now, zone));
		return (ago <= 0) ? "Today" : (ago == 1) ? "Yesterday" : "Previous 7 days";
	}

	@Test
	void searchFindsWhatTheModelThoughtAndOpensTheConversationAtThatMessage() {
		String word = "quokkathink" + this.tag.replace("-", "");
		ObjectNode found = conversation("Marsupials " + this.tag, Instant.now(), false);
		ArrayNode messages = (ArrayNode) found.get("messages");
		String question = addMessage(messages, null, "user", "Which animal smiles the most?", "");
		String answer = addMessage(messages, question, "assistant", "The quokka, by reputation.",
				"Think of Rottnest Island: the " + word + " idea is that its face looks like a smile.");
		String parent = answer;
		for (int turn = 1; turn <= 6; turn++) {
			String asked = addMessage(messages, parent, "user", "Tell me more, part " + turn + ".", "");
			parent = addMessage(messages, asked, "assistant", ("More about marsupials, part " + turn + ". ").repeat(40),
					"");
		}
		importConversations(json.createArrayNode().add(found));
		this.page.navigate("/");

		this.page.locator("#sidebar-search").fill(word);

		Locator hit = this.page.locator(".search-match[data-in='reasoning']");
		assertThat(hit).hasCount(1);
		assertThat(hit.locator(".search-tag")).hasText("In reasoning");
		assertThat(hit.locator("mark")).hasText(word);
		assertThat(this.page.locator(".conversation-groups")).isHidden();
		hit.click();

		assertThat(this.page)
			.hasURL(Pattern.compile("/c/" + found.get("id").asString() + "\\?at=" + answer + "#m-" + answer));
		Locator message = this.page.locator("#m-" + answer);
		assertThat(message).isInViewport();
		assertThat(message.locator("details.thinking")).hasAttribute("open", "");
		assertThat(message.locator(".thinking-body")).containsText(word);
		assertThat(this.page.locator("#m-" + parent)).not().isInViewport();

		this.page.locator("#sidebar-search").fill(word);
		assertThat(hit).hasCount(1);
		this.page.locator("#sidebar-search").press("Escape");
		assertThat(this.page.locator(".conversation-groups")).isVisible();
		assertThat(this.page.locator(".search-results")).isHidden();
	}

	@Test
	void renamePinAndDeleteWithUndoFromTheSidebarAndTheHeader() {
		ObjectNode kept = conversation("Rename me " + this.tag, Instant.now(), false);
		ObjectNode doomed = conversation("Delete me " + this.tag, Instant.now(), false);
		importConversations(json.createArrayNode().add(kept).add(doomed));
		String keptId = kept.get("id").asString();
		String doomedId = doomed.get("id").asString();
		this.page.navigate("/");

		openRowMenu("Rename me " + this.tag);
		menuItem("Rename").click();
		this.page.locator(".conversation-item .rename-input").fill("Renamed " + this.tag);
		this.page.locator(".conversation-item .rename-input").press("Enter");
		assertThat(row("Renamed " + this.tag)).isVisible();
		assertThat(row("Renamed " + this.tag).locator(".conversation-link")).isFocused();
		awaitTitle(keptId, "Renamed " + this.tag);

		openRowMenu("Renamed " + this.tag);
		menuItem("Pin").click();
		assertThat(group("Pinned")).containsText("Renamed " + this.tag);
		this.page.reload();
		assertThat(group("Pinned")).containsText("Renamed " + this.tag);

		openRowMenu("Delete me " + this.tag);
		menuItem("Delete…").click();
		Locator dialog = this.page.locator("dialog.confirm-dialog");
		assertThat(dialog).containsText("Delete me " + this.tag);
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")).click();
		assertThat(row("Delete me " + this.tag)).hasCount(0);
		assertThat(exchange(HttpMethod.GET, "/api/conversations/" + doomedId, null).status()).isEqualTo(404);
		Locator toast = this.page.locator(".toast");
		assertThat(toast).containsText("Conversation deleted");
		toast.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo")).click();
		assertThat(group("Today")).containsText("Delete me " + this.tag);
		assertThat(exchange(HttpMethod.GET, "/api/conversations/" + doomedId, null).status()).isEqualTo(200);

		row("Renamed " + this.tag).locator(".conversation-link").click();
		this.page.locator(".chat-title-button").click();
		this.page.locator(".chat-title-input").fill("Renamed in the header " + this.tag);
		this.page.locator(".chat-title-input").press("Enter");
		assertThat(this.page.locator(".chat-title-text")).hasText("Renamed in the header " + this.tag);
		assertThat(row("Renamed in the header " + this.tag)).isVisible();
		assertThat(this.page).hasTitle("Renamed in the header " + this.tag + " · Ponder");
		awaitTitle(keptId, "Renamed in the header " + this.tag);
	}

	@Test
	void exportLinksDownloadOneConversationOrAllAndImportTakesAFileBack(@TempDir Path folder) throws Exception {
		ObjectNode exported = conversation("Export me " + this.tag, Instant.now(), false);
		addMessage((ArrayNode) exported.get("messages"), null, "user", "Is this kept?", "");
		importConversations(json.createArrayNode().add(exported));
		this.page.navigate("/c/" + exported.get("id").asString());

		Download markdown = this.page.waitForDownload(() -> {
			this.page.locator(".chat-menu-button").click();
			menuItem("Export Markdown").click();
		});
		Download single = this.page.waitForDownload(() -> {
			this.page.locator(".chat-menu-button").click();
			menuItem("Export JSON").click();
		});
		Download all = this.page.waitForDownload(
				() -> this.page.locator(".foot-button", new Page.LocatorOptions().setHasText("Export all")).click());

		assertThat(markdown.suggestedFilename()).endsWith(".md");
		assertThat(Files.readString(markdown.path())).contains("Export me " + this.tag).contains("Is this kept?");
		assertThat(single.suggestedFilename()).endsWith(".json");
		assertThat(json.readTree(Files.readString(single.path())).get("conversations").size()).isEqualTo(1);
		assertThat(Files.readString(all.path())).contains("Export me " + this.tag);

		ObjectNode file = exportFile(
				json.createArrayNode().add(conversation("Imported " + this.tag, Instant.now(), false)));
		Path good = folder.resolve("good.json");
		Files.writeString(good, file.toString(), StandardCharsets.UTF_8);
		this.page.locator(".import-file").setInputFiles(good);
		assertThat(this.page.locator(".toast").last()).containsText("Imported 1 conversation");
		assertThat(row("Imported " + this.tag)).isVisible();

		Path bad = folder.resolve("bad.json");
		Files.writeString(bad, "{\"format\": \"something else\"", StandardCharsets.UTF_8);
		this.page.locator(".import-file").setInputFiles(bad);
		assertThat(this.page.locator(".toast--error")).isVisible();
	}

	// ----- helpers -----

	private Locator group(String label) {
		return group(this.page, label);
	}

	private static Locator group(Page page, String label) {
		return page.locator(".conversation-group[data-label='" + label + "']");
	}

	private Locator row(String title) {
		return row(this.page, title);
	}

	private static Locator row(Page page, String title) {
		return page.locator(".conversation-item", new Page.LocatorOptions()
			.setHas(page.locator(".conversation-title", new Page.LocatorOptions().setHasText(exactly(title)))));
	}

	/**
	 * A pattern matching exactly this text. Not Pattern.quote: Playwright hands the
	 * pattern to JavaScript, which has no \Q…\E quoting.
	 */
	private static Pattern exactly(String text) {
		return Pattern.compile("^" + text.replaceAll("[.*+?^${}()|\\[\\]\\\\]", "\\\\$0") + "$");
	}

	private Locator menuItem(String name) {
		return menuItem(this.page, name);
	}

	private static Locator menuItem(Page page, String name) {
		return page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	private void openRowMenu(String title) {
		openRowMenu(this.page, title);
	}

	private static void openRowMenu(Page page, String title) {
		Locator row = row(page, title);
		row.hover();
		row.locator(".conversation-menu-button").click();
	}

	private void awaitTitle(String id, String title) {
		await().atMost(Duration.ofSeconds(5))
			.until(() -> conversation(UUID.fromString(id)).get("title").asString(), title::equals);
	}

	private ObjectNode conversation(String title, Instant at, boolean pinned) {
		ObjectNode conversation = json.createObjectNode();
		conversation.put("id", UUID.randomUUID().toString());
		conversation.put("title", title);
		conversation.put("createdAt", at.toString());
		conversation.put("updatedAt", at.toString());
		conversation.put("pinned", pinned);
		conversation.putArray("messages");
		return conversation;
	}

	/** Adds a finished message; returns its id. */
	private static String addMessage(ArrayNode messages, String parentId, String role, String content,
			String reasoning) {
		ObjectNode message = messages.addObject();
		String id = UUID.randomUUID().toString();
		message.put("id", id);
		message.put("parentId", parentId);
		message.put("position", 0);
		message.put("role", role);
		message.put("status", "COMPLETE");
		message.put("content", content);
		message.put("reasoning", reasoning);
		message.put("createdAt", Instant.now().toString());
		if ("assistant".equals(role)) {
			message.put("model", "deepseek/deepseek-r1");
			message.put("provider", "DeepInfra");
			message.put("reasoningSetting", "high");
		}
		return id;
	}

	private static ObjectNode exportFile(ArrayNode conversations) {
		ObjectNode file = json.createObjectNode();
		file.put("format", "ponder");
		file.put("version", 1);
		file.put("exportedAt", Instant.now().toString());
		file.set("conversations", conversations);
		return file;
	}

	private void importConversations(ArrayNode conversations) {
		Reply reply = exchange(HttpMethod.POST, "/api/import", exportFile(conversations).toString());
		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
		assertThat(reply.body().get("imported").asInt()).isEqualTo(conversations.size());
	}

}
