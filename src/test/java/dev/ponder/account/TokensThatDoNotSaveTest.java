package dev.ponder.account;

import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;

import dev.ponder.testing.Api;
import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.BrowserTestSupport;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens whose calls through the OpenAI-compatible API are not saved: made on the
 * settings page (with and without JavaScript) or through {@code /api/tokens}, and told
 * apart in the list. Screenshots of the tokens part, wide and phone, light and dark, land
 * in {@code target/screenshots}.
 */
// The same application as ApiConversationsBrowserTest's (one context for both): accounts
// on, an administrator from the settings, a database of their own.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ponder.auth=accounts", "spring.datasource.url=jdbc:h2:mem:api-pages;DB_CLOSE_DELAY=-1",
				"openrouter.api-key=" + AppTestSupport.API_KEY, "openrouter.idle-timeout=10s",
				"openrouter.first-byte-timeout=10s", "ponder.admin.username=" + TokensThatDoNotSaveTest.ADMIN,
				"ponder.admin.password=" + TokensThatDoNotSaveTest.PASSWORD })
class TokensThatDoNotSaveTest extends BrowserTestSupport {

	static final String ADMIN = "grace";

	static final String PASSWORD = "compiler-password";

	@Test
	void aScriptMakesATokenThatDoesNotSaveAndTheListSaysSo() {
		Api grace = Api.basic(this.port, ADMIN, PASSWORD);

		Api.Reply made = grace.post("/api/tokens", "{\"name\":\"quiet eval\",\"saveCalls\":false}");
		Api.Reply usual = grace.post("/api/tokens", "{\"name\":\"usual eval\"}");

		assertThat(made.status()).as(made.toString()).isEqualTo(201);
		assertThat(made.body().get("saveCalls").asBoolean()).isFalse();
		assertThat(made.body().get("token").asString()).startsWith("pnd_");
		assertThat(usual.body().get("saveCalls").asBoolean()).isTrue();
		JsonNode listed = grace.get("/api/tokens").body();
		assertThat(listed.valueStream().filter((token) -> token.get("name").asString().equals("quiet eval")))
			.singleElement()
			.satisfies((token) -> assertThat(token.get("saveCalls").asBoolean()).isFalse());
		assertThat(listed.valueStream().filter((token) -> token.get("name").asString().equals("usual eval")))
			.singleElement()
			.satisfies((token) -> assertThat(token.get("saveCalls").asBoolean()).isTrue());
	}

	@Test
	void withoutJavaScriptAnUntickedBoxMakesATokenWhoseCallsAreNotSaved() {
		BrowserContext noScripts = newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
		try {
			Page page = noScripts.newPage();
			logIn(page);
			page.navigate("/settings");
			assertThat(saveBox(page)).isChecked();

			page.getByLabel("Name of a new token").fill("private notebook");
			saveBox(page).uncheck();
			button(page, "Create token").click();

			assertThat(page).hasURL(Pattern.compile("/settings#account$"));
			assertThat(page.locator(".new-token")).containsText("private notebook");
			assertThat(page.locator(".new-token"))
				.containsText("Calls made with it through the OpenAI-compatible API are not saved");
			assertThat(token(page, "private notebook").locator(".token-unsaved")).hasText("calls not saved");
		}
		finally {
			noScripts.close();
		}
	}

	@Test
	void aTokenMadeWithTheBoxTickedSavesItsCallsAndCarriesNoTag() {
		logIn(this.page);
		this.page.navigate("/settings");

		this.page.getByLabel("Name of a new token").fill("team dashboard");
		button(this.page, "Create token").click();

		assertThat(this.page.locator(".new-token"))
			.containsText("Calls made with it through the OpenAI-compatible API are saved as conversations");
		assertThat(token(this.page, "team dashboard")).isVisible();
		assertThat(token(this.page, "team dashboard").locator(".token-unsaved")).hasCount(0);
	}

	@Test
	void theTokensPartSaysWhereTheApiAnswers() {
		logIn(this.page);
		this.page.navigate("/settings");

		assertThat(this.page.locator(".api-hint")).containsText("base URL " + baseUrl() + "/v1");
		assertThat(this.page.locator(".api-hint")).containsText("docs/api.md");
	}

	@ParameterizedTest(name = "{0} {3}")
	@MethodSource("looks")
	void theTokensPartInEveryLook(String name, int width, int height, ColorScheme scheme) {
		Api.basic(this.port, ADMIN, PASSWORD).post("/api/tokens", "{\"name\":\"screenshot eval\",\"saveCalls\":false}");
		BrowserContext context = newContext(
				new Browser.NewContextOptions().setViewportSize(width, height).setColorScheme(scheme));
		try {
			Page page = context.newPage();
			logIn(page);
			page.navigate("/settings");
			page.getByLabel("Name of a new token").fill("look " + name + " " + scheme);
			saveBox(page).uncheck();
			button(page, "Create token").click();
			assertThat(page.locator(".new-token")).isInViewport();
			assertFits(page);
			shoot(page, "api-tokens-" + name + "-" + scheme.name().toLowerCase());
			page.locator(".api-hint").scrollIntoViewIfNeeded();
			shoot(page, "api-tokens-list-" + name + "-" + scheme.name().toLowerCase());
		}
		finally {
			context.close();
		}
	}

	static void logIn(Page page) {
		page.navigate("/login");
		page.getByLabel("Username").fill(ADMIN);
		page.getByLabel("Password").fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in").setExact(true)).click();
		page.waitForURL((url) -> !url.endsWith("/login"));
	}

	private static Locator saveBox(Page page) {
		return page
			.getByLabel("Save the conversations of calls made with this token through the OpenAI-compatible API");
	}

	private static Locator token(Page page, String name) {
		return page.locator(".token", new Page.LocatorOptions().setHasText(name));
	}

	private static Locator button(Page page, String name) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

}
