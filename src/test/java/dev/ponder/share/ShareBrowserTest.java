package dev.ponder.share;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.ReducedMotion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;

import dev.ponder.share.SharedConversationFiles.Turn;
import dev.ponder.testing.BrowserTestSupport;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A share link's page in Chromium: what a reader sees and does not see, with and without
 * a session, and the owner's Share… dialog and settings list.
 */
class ShareBrowserTest extends BrowserTestSupport {

	private static final Path SHOTS = Paths.get("/tmp/shots/share");

	/** Model output that would run a script if it were ever taken as HTML. */
	private static final String HOSTILE = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>";

	@Test
	void theLinkShowsTheThreadWithItsReasoningFoldedOneClickAwayAndNothingOfTheOwners() {
		String conversation = imported("Avocet decimals", new Turn("Which is bigger, 9.11 or 9.9? " + HOSTILE,
				"Line up the decimals. " + HOSTILE, "**9.9** is bigger. " + HOSTILE));
		JsonNode link = share(conversation, null);

		Response response = this.page.navigate(link.get("url").asString());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers().get("x-robots-tag")).contains("noindex");
		assertThat(this.page.locator("meta[name=robots]")).hasAttribute("content", Pattern.compile("noindex"));
		assertThat(this.page.locator("h1.share-title")).hasText("Avocet decimals");
		assertThat(this.page.locator("article.message--user .user-bubble"))
			.containsText("Which is bigger, 9.11 or 9.9?");
		assertThat(this.page.locator("article.message--user .user-bubble")).containsText("<img src=x");
		assertThat(this.page.locator("article.message--assistant .answer strong")).hasText("9.9");
		Locator panel = this.page.locator("article.message--assistant details.thinking");
		assertThat(panel).not().hasAttribute("open", "");
		assertThat(panel.locator(".thinking-label")).hasText("Thought for 12 s · 84 reasoning tokens");
		assertThat(panel.locator(".thinking-body")).not().isVisible();
		panel.locator("summary").click();
		assertThat(panel.locator(".thinking-body")).isVisible();
		assertThat(panel.locator(".thinking-body")).containsText("Line up the decimals.");
		assertThat(this.page.locator("article.message--assistant .message-meta"))
			.containsText("deepseek/deepseek-r1 · reasoning high");
		assertThat(this.page.locator("body")).not().containsText("$");
		assertThat(this.page.locator(".sidebar, .account-menu, .chat-header, .composer, .credit-chip")).hasCount(0);
		assertThat(this.page.locator("a[href*='/c/'], a[href*='/api/'], form")).hasCount(0);
		assertThat(this.page.locator("[onerror], script:not([src])")).hasCount(0);
		assertThat(this.page.evaluate("() => window.pwned ?? null")).isNull();
	}

	@Test
	void costsAreShownWhenTheOwnerTicksShowCosts() {
		JsonNode link = share(imported("Stilt costs", new Turn("Q?", "R.", "A.")), true);

		this.page.navigate(link.get("url").asString());

		assertThat(this.page.locator("article.message--assistant .message-meta"))
			.containsText(SharedConversationFiles.COST);
	}

	@Test
	void theLinkWorksInAFreshBrowserWithoutCookiesUntilItIsRevoked() {
		JsonNode link = share(imported("Sanderling reload", new Turn("Q?", "R.", "A fresh answer.")), null);
		String url = link.get("url").asString();

		try (BrowserContext fresh = newContext(new Browser.NewContextOptions())) {
			Page reader = fresh.newPage();
			reader.navigate(url);
			assertThat(reader.locator(".answer")).containsText("A fresh answer.");
			reader.reload();
			assertThat(reader.locator(".answer")).containsText("A fresh answer.");
			assertThat(fresh.cookies()).isEmpty();

			assertThat(exchange(HttpMethod.DELETE, "/api/shares/" + link.get("token").asString(), null).status())
				.isEqualTo(204);

			Response gone = reader.navigate(url);
			assertThat(gone.status()).isEqualTo(404);
			assertThat(reader.locator("h1")).hasText("This link does not exist");
			shoot(reader, SHOTS.resolve("missing-wide-light.png"));
			assertThat(reader.locator("body")).not().containsText("Sanderling reload");
		}
	}

	@Test
	void theShareDialogMakesUpdatesAndStopsTheLink() {
		String conversation = imported("Turnstone dialog", new Turn("Q?", "R.", "A."));
		this.page.navigate("/c/" + conversation);

		this.page.locator(".chat-menu-button").click();
		shoot(this.page, SHOTS.resolve("menu-wide-light.png"));
		this.page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Share…")).click();
		Locator dialog = this.page.locator("dialog.share-dialog");
		assertThat(dialog).isVisible();
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create link")).click();
		assertThat(dialog.locator(".share-dialog-url")).hasValue(Pattern.compile("/s/[A-Za-z0-9_-]{22}$"));
		String url = dialog.locator(".share-dialog-url").inputValue();
		dialog.getByLabel("Show what each answer cost").check();
		assertThat(dialog.locator(".share-dialog-status")).containsText("Costs are now shown");
		assertThat(linkOf(conversation).get("showCosts").asBoolean()).isTrue();
		assertThat(dialog.locator(".share-dialog-url")).hasValue(url);

		clickInsideNearTheBottom(dialog);
		assertThat(dialog).isVisible();
		assertThat(dialog.getByLabel("Show what each answer cost")).isChecked();
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Update link")).click();
		assertThat(dialog.locator(".share-dialog-status")).containsText("as it is now");
		assertThat(dialog.locator(".share-dialog-url")).hasValue(url);
		JsonNode listed = linkOf(conversation);
		assertThat(listed.get("url").asString()).isEqualTo(url);
		assertThat(listed.get("showCosts").asBoolean()).isTrue();
		shoot(this.page, SHOTS.resolve("dialog-wide-light.png"));

		Locator stop = dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Stop sharing"));
		stop.click();
		Locator ask = this.page.locator("dialog.confirm-dialog");
		assertThat(ask).containsText("Stop sharing this conversation?");
		shoot(this.page, SHOTS.resolve("dialog-stop-wide-light.png"));
		ask.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")).click();
		assertThat(ask).hasCount(0);
		assertThat(stop).isFocused();
		assertThat(linkOf(conversation)).isNotNull();

		stop.click();
		ask.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Stop sharing")).click();
		assertThat(dialog).hasCount(0);
		assertThat(this.page.locator(".toast")).containsText("Stopped sharing");
		assertThat(this.page.locator(".chat-menu-button")).isFocused();
		assertThat(linkOf(conversation)).isNull();
	}

	@Test
	void aClickOnTheBackdropClosesTheShareDialogAndNothingIsShared() {
		String conversation = imported("Godwit backdrop", new Turn("Q?", "R.", "A."));
		this.page.navigate("/c/" + conversation);
		this.page.locator(".chat-menu-button").click();
		this.page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Share…")).click();
		Locator dialog = this.page.locator("dialog.share-dialog");
		dialog.getByLabel("Show what each answer cost").check();
		assertThat(dialog.locator(".share-dialog-status")).containsText("when you create");
		clickInsideNearTheBottom(dialog);
		assertThat(dialog).isVisible();

		this.page.mouse().click(4, 4);

		assertThat(dialog).hasCount(0);
		assertThat(this.page.locator(".chat-menu-button")).isFocused();
		assertThat(linkOf(conversation)).isNull();
	}

	/**
	 * A click in the dialog's bottom padding, below its buttons: inside the box, on none
	 * of its controls.
	 */
	private void clickInsideNearTheBottom(Locator dialog) {
		var box = dialog.boundingBox();
		this.page.mouse().click(box.x + 6, box.y + box.height - 5);
	}

	@Test
	void theSettingsPageListsTheLinksAndRevokesThemWithoutJavaScript() {
		String conversation = imported("Whimbrel settings", new Turn("Q?", "R.", "A."));
		JsonNode link = share(conversation, null);
		try (BrowserContext plain = newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
			Page settings = plain.newPage();
			settings.navigate("/settings");
			Locator row = settings.locator("#shares .share-link[data-token='" + link.get("token").asString() + "']");
			assertThat(row.locator(".token-name")).hasText("Whimbrel settings");
			shoot(settings, SHOTS.resolve("settings-wide-light.png"));

			row.getByRole(AriaRole.BUTTON).click();

			assertThat(settings.locator("#shares .flash")).containsText("revoked");
			assertThat(row).hasCount(0);
		}
		assertThat(linkOf(conversation)).isNull();
	}

	@ParameterizedTest
	@MethodSource("looks")
	void onTheSettingsPageALinksAddressWrapsAndNeverRunsUnderItsRevokeButton(String name, int width, int height,
			ColorScheme scheme) {
		JsonNode link = share(imported("Dunlin " + name + " " + scheme, new Turn("Q?", "R.", "A.")), null);
		try (BrowserContext look = newContext(
				new Browser.NewContextOptions().setViewportSize(width, height).setColorScheme(scheme))) {
			Page settings = look.newPage();
			settings.navigate("/settings#shares");
			Locator row = settings.locator("#shares .share-link[data-token='" + link.get("token").asString() + "']");
			assertThat(row.locator(".token-facts code")).hasText(link.get("url").asString());

			var address = row.locator(".token-facts code").boundingBox();
			var revoke = row.getByRole(AriaRole.BUTTON).boundingBox();
			var card = settings.locator("#shares").boundingBox();
			assertThat(address.x + address.width).as("the address's right edge against Revoke's left edge")
				.isLessThanOrEqualTo(revoke.x);
			assertThat(revoke.x + revoke.width).isLessThanOrEqualTo(card.x + card.width);
			assertFits(settings);
			row.scrollIntoViewIfNeeded();
			settings.screenshot(new Page.ScreenshotOptions()
				.setPath(SHOTS.resolve("settings-" + name + "-" + scheme.name().toLowerCase() + ".png")));
		}
	}

	@Test
	void theMenuWithoutJavaScriptSharesAndShowsTheLinkOnTheSettingsPage() {
		String conversation = imported("Knot fallback", new Turn("Q?", "R.", "A."));
		try (BrowserContext plain = newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
			Page chat = plain.newPage();
			chat.navigate("/c/" + conversation);
			// From the keyboard: see the next test.
			chat.locator(".chat-menu-fallback > summary").press("Enter");
			shoot(chat, SHOTS.resolve("fallback-menu-wide-light.png"));
			chat.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share a read-only link"))
				.press("Enter");

			assertThat(chat).hasURL(Pattern.compile("/settings#shares$"));
			assertThat(chat.locator("#shares .new-token-value")).hasText(Pattern.compile("/s/[A-Za-z0-9_-]{22}$"));
		}
		assertThat(linkOf(conversation)).isNotNull();
	}

	@Test
	void theMenuWithoutJavaScriptKeepsShowingCostsUnlessTheOwnerUnticksIt() {
		String conversation = imported("Oystercatcher costs", new Turn("Q?", "R.", "A."));
		share(conversation, true);
		// Worked from the keyboard, as a person may: in a page without JavaScript, after
		// the
		// class's other tests, Playwright's pointer actions on the open menu waited 30 s
		// for
		// it to be "stable" though its box never moved and no animation ran (cause not
		// found); key presses need no such wait.
		try (BrowserContext plain = newContext(
				new Browser.NewContextOptions().setJavaScriptEnabled(false).setReducedMotion(ReducedMotion.REDUCE))) {
			Page chat = plain.newPage();
			chat.navigate("/c/" + conversation);
			chat.locator(".chat-menu-fallback > summary").press("Enter");
			Locator showCosts = chat.locator(".menu-share-form").getByLabel("Show costs");
			Locator share = chat.getByRole(AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("Share a read-only link"));
			assertThat(showCosts).isChecked();
			share.press("Enter");
			assertThat(chat).hasURL(Pattern.compile("/settings#shares$"));
			assertThat(linkOf(conversation).get("showCosts").asBoolean()).isTrue();

			chat.navigate("/c/" + conversation);
			chat.locator(".chat-menu-fallback > summary").press("Enter");
			showCosts.press(" ");
			assertThat(showCosts).not().isChecked();
			share.press("Enter");
			assertThat(chat).hasURL(Pattern.compile("/settings#shares$"));
			assertThat(linkOf(conversation).get("showCosts").asBoolean()).isFalse();
		}
	}

	@ParameterizedTest
	@MethodSource("looks")
	void aFailedAnswerSaysWhyInPondersWordsInEveryLook(String name, int width, int height, ColorScheme scheme) {
		Reply imported = exchange(HttpMethod.POST, "/api/import", SharedConversationFiles.failed("Jaeger credit",
				"Think it through?", "out_of_credits", "You requested up to 16000 tokens, but can only afford 3021."));
		JsonNode link = share(imported.body().get("conversations").get(0).asString(), true);
		try (BrowserContext look = newContext(
				new Browser.NewContextOptions().setViewportSize(width, height).setColorScheme(scheme))) {
			Page reader = look.newPage();
			reader.navigate(link.get("url").asString());
			assertThat(reader.locator("article.message--assistant")).containsText("Out of credits.");
			assertThat(reader.locator("body")).not().containsText("3021");
			assertFits(reader);
			shoot(reader, SHOTS.resolve("failed-" + name + "-" + scheme.name().toLowerCase() + ".png"));
		}
	}

	@Test
	void theShareDialogFitsAPhoneAndWorksFromTheKeyboard() {
		String conversation = imported("Phalarope phone", new Turn("Q?", "R.", "A."));
		try (BrowserContext phone = newContext(
				new Browser.NewContextOptions().setViewportSize(390, 844).setColorScheme(ColorScheme.DARK))) {
			Page chat = phone.newPage();
			chat.navigate("/c/" + conversation);
			chat.locator(".chat-menu-button").click();
			chat.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Share…")).click();
			Locator dialog = chat.locator("dialog.share-dialog");
			assertThat(dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create link")))
				.isFocused();
			chat.keyboard().press("Enter");
			assertThat(dialog.locator(".share-dialog-url")).hasValue(Pattern.compile("/s/[A-Za-z0-9_-]{22}$"));
			assertFits(chat);
			shoot(chat, SHOTS.resolve("dialog-phone-dark.png"));
			chat.keyboard().press("Escape");
			assertThat(dialog).hasCount(0);
			assertThat(chat.locator(".chat-menu-button")).isFocused();
		}
		assertThat(linkOf(conversation)).isNotNull();
	}

	@ParameterizedTest
	@MethodSource("looks")
	void theSharedPageInEveryLook(String name, int width, int height, ColorScheme scheme) {
		JsonNode link = share(importedWithFile("Ruff, a long look at decimals", "decimals-worksheet.txt", new Turn(
				"Which is bigger, 9.11 or 9.9? Explain it as you would to a child.",
				"Line up the decimals: 9.11 and 9.90.\n\nThe whole parts are equal, so compare tenths: 1 against 9.\n\n"
						+ "Wait, I should double-check: 9.11 has 1 tenth, 9.9 has 9 tenths. So 9.9 is bigger.",
				"**9.9** is bigger.\n\n| number | tenths |\n| --- | --- |\n| 9.11 | 1 |\n| 9.9 | 9 |\n\n"
						+ "Think of money: $9.90 is more than $9.11."),
				new Turn("And 9.99 against 10?", "10 is a whole number more than 9.", "`10` is bigger.")), false);
		try (BrowserContext look = newContext(
				new Browser.NewContextOptions().setViewportSize(width, height).setColorScheme(scheme))) {
			Page reader = look.newPage();
			reader.navigate(link.get("url").asString());
			reader.locator("article.message--assistant details.thinking summary").first().click();
			assertThat(reader.locator(".thinking-body").first()).isVisible();
			assertThat(reader.locator(".share-badge")).isVisible();
			if (width <= 480) {
				assertThat(reader.locator(".topbar-title")).isHidden();
			}
			else {
				assertThat(reader.locator(".topbar-title")).isVisible();
			}
			assertFits(reader);
			shoot(reader, SHOTS.resolve(name + "-" + scheme.name().toLowerCase() + ".png"));
		}
	}

	private static void shoot(Page page, Path path) {
		page.screenshot(new Page.ScreenshotOptions().setPath(path).setFullPage(true));
	}

	private String imported(String title, Turn... turns) {
		return importedWithFile(title, null, turns);
	}

	private String importedWithFile(String title, String fileName, Turn... turns) {
		Reply reply = exchange(HttpMethod.POST, "/api/import",
				SharedConversationFiles.conversation(title, List.of(turns), fileName));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.body().get("conversations").get(0).asString();
	}

	private JsonNode share(String conversation, Boolean showCosts) {
		Reply reply = exchange(HttpMethod.POST, "/api/conversations/" + conversation + "/share",
				(showCosts != null) ? "{\"showCosts\":" + showCosts + "}" : null);
		assertThat(reply.status()).as(reply.toString()).isIn(200, 201);
		return reply.body();
	}

	private JsonNode linkOf(String conversation) {
		return exchange(HttpMethod.GET, "/api/shares", null).body()
			.valueStream()
			.filter((link) -> link.get("conversationId").asString().equals(conversation))
			.findFirst()
			.orElse(null);
	}

}
