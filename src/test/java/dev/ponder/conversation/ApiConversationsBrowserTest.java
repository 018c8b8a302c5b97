package dev.ponder.conversation;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.ponder.testing.Api;
import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.BrowserTestSupport;
import dev.ponder.testing.Script;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A conversation asked through the OpenAI-compatible API is marked so in the sidebar (as
 * the server renders it, and as its script rebuilds a row) and in its page's header; one
 * asked on the page is not. Until the API itself is there, the conversation is stored as
 * the API stores it ({@link Conversation#throughApi}). Screenshots land in
 * {@code target/screenshots}.
 */
// The same application as TokensThatDoNotSaveTest's (one context for both): accounts on,
// an administrator from the settings, a database of their own.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ponder.auth=accounts", "spring.datasource.url=jdbc:h2:mem:api-pages;DB_CLOSE_DELAY=-1",
				"openrouter.api-key=" + AppTestSupport.API_KEY, "openrouter.idle-timeout=10s",
				"openrouter.first-byte-timeout=10s", "ponder.admin.username=" + ApiConversationsBrowserTest.ADMIN,
				"ponder.admin.password=" + ApiConversationsBrowserTest.PASSWORD })
class ApiConversationsBrowserTest extends BrowserTestSupport {

	static final String ADMIN = "grace";

	static final String PASSWORD = "compiler-password";

	private static final String MARK = "Asked through the API";

	/**
	 * Each test's titles carry this, so that conversations of other tests don't matter.
	 */
	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	@Autowired
	private ConversationRepository conversations;

	@Autowired
	private Clock clock;

	private Api grace;

	@BeforeEach
	void grace() {
		this.grace = Api.basic(this.port, ADMIN, PASSWORD);
	}

	@Test
	void theSidebarAndTheHeaderSayAConversationWasAskedThroughTheApi() {
		UUID api = askedThroughApi("Nightly parser eval " + this.tag);
		UUID page = askedOnThePage("Holiday plans " + this.tag);
		logIn(this.page);

		this.page.navigate("/c/" + api);

		assertThat(row(this.page, "Nightly parser eval " + this.tag).getByRole(AriaRole.IMG,
				new Locator.GetByRoleOptions().setName(MARK)))
			.hasText("API");
		assertThat(row(this.page, "Holiday plans " + this.tag).locator(".api-tag")).hasCount(0);
		assertThat(this.page.locator(".chat-header .chat-origin")).hasText(MARK);
		assertThat(this.page.locator(".chat-header .chat-origin")).isVisible();

		this.page.navigate("/c/" + page);
		assertThat(this.page.locator(".chat-header")).isVisible();
		assertThat(this.page.locator(".chat-header .chat-origin")).hasCount(0);
	}

	@Test
	void withoutJavaScriptTheMarksAreThereToo() {
		UUID api = askedThroughApi("Batch summaries " + this.tag);
		BrowserContext noScripts = newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
		try {
			Page page = noScripts.newPage();
			logIn(page);

			page.navigate("/c/" + api);

			assertThat(row(page, "Batch summaries " + this.tag).getByRole(AriaRole.IMG,
					new Locator.GetByRoleOptions().setName(MARK)))
				.isVisible();
			assertThat(page.locator(".chat-header .chat-origin")).hasText(MARK);
		}
		finally {
			noScripts.close();
		}
	}

	@Test
	void aRowTheScriptBuildsAgainAfterAnUndoneDeleteKeepsItsMark() {
		askedThroughApi("Undo me eval " + this.tag);
		logIn(this.page);
		this.page.navigate("/");
		Locator row = row(this.page, "Undo me eval " + this.tag);
		assertThat(row.locator(".api-tag")).isVisible();

		row.hover();
		row.locator(".conversation-menu-button").click();
		this.page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Delete…").setExact(true)).click();
		this.page.locator("dialog.confirm-dialog")
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete"))
			.click();
		assertThat(row).hasCount(0);
		this.page.locator(".toast").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo")).click();

		assertThat(row.getByRole(AriaRole.IMG, new Locator.GetByRoleOptions().setName(MARK))).hasText("API");
	}

	@ParameterizedTest(name = "{0} {3}")
	@MethodSource("looks")
	void theMarksInEveryLook(String name, int width, int height, ColorScheme scheme) {
		askedOnThePage("Weekend reading list " + this.tag);
		UUID api = askedThroughApi("Regression suite: reasoning effort sweep " + this.tag);
		BrowserContext context = newContext(
				new Browser.NewContextOptions().setViewportSize(width, height).setColorScheme(scheme));
		try {
			Page page = context.newPage();
			logIn(page);
			page.navigate("/c/" + api);
			assertThat(page.locator(".chat-header .chat-origin")).isVisible();
			if (width < 800) {
				page.locator(".sidebar-toggle").click();
				assertThat(row(page, "Regression suite: reasoning effort sweep " + this.tag)).isInViewport();
				settle(page);
				shoot(page, "api-sidebar-" + name + "-" + scheme.name().toLowerCase());
				page.navigate("/c/" + api);
			}
			assertFits(page);
			shoot(page, "api-conversation-" + name + "-" + scheme.name().toLowerCase());
		}
		finally {
			context.close();
		}
	}

	/**
	 * A conversation stored as the API stores one, with one question answered on the page
	 * (so that its header has totals).
	 */
	private UUID askedThroughApi(String title) {
		UUID owner = UUID.fromString(this.grace.get("/api/account").body().get("id").asString());
		UUID id = this.conversations.save(Conversation.throughApi(owner, title, null, true, this.clock.instant()))
			.getId();
		answer(id, "How did the parser do?");
		return id;
	}

	private UUID askedOnThePage(String title) {
		Api.Reply made = this.grace.post("/api/conversations", "{\"title\":\"" + title + "\"}");
		assertThat(made.status()).as(made.toString()).isIn(200, 201);
		UUID id = UUID.fromString(made.body().get("id").asString());
		answer(id, "What should I read?");
		return id;
	}

	private void answer(UUID conversation, String question) {
		upstream.enqueue(Script.answer(List.of("Thinking it over."), List.of("Here it is."), Duration.ZERO));
		Api.Reply sent = this.grace.post("/api/conversations/" + conversation + "/messages",
				"{\"content\":\"" + question + "\"}");
		assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
		assertThat(sent.text()).contains("Here it is.");
	}

	private static void logIn(Page page) {
		page.navigate("/login");
		page.getByLabel("Username").fill(ADMIN);
		page.getByLabel("Password").fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in").setExact(true)).click();
		page.waitForURL((url) -> !url.endsWith("/login"));
	}

	private static Locator row(Page page, String title) {
		return page.locator(".conversation-item", new Page.LocatorOptions()
			.setHas(page.locator(".conversation-title", new Page.LocatorOptions().setHasText(title))));
	}

}
