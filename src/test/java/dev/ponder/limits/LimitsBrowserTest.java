package dev.ponder.limits;

import java.util.List;
import java.util.function.Consumer;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import dev.ponder.testing.Api;
import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.BrowserTestSupport;
import dev.ponder.testing.Script;
import dev.ponder.testing.TwoPeople;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spending limits in Chromium, with accounts on, on a database of their own: the
 * administrator sets a person's limit on the users page and sees what they spent; the
 * person over it sees the chip at nothing left, and a refused send keeps the question in
 * the composer with the sentence beside it. Each test makes its own person, so that they
 * run in any order. Screenshots of each, wide and phone, light and dark, land in
 * {@code target/screenshots}.
 */
// This class's own @SpringBootTest replaces the one inherited, which turns accounts off.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { TwoPeople.ACCOUNTS, "spring.datasource.url=jdbc:h2:mem:limits-pages;DB_CLOSE_DELAY=-1",
				"openrouter.api-key=" + AppTestSupport.API_KEY, "openrouter.idle-timeout=10s",
				"openrouter.first-byte-timeout=10s", TwoPeople.ADMINISTRATOR, TwoPeople.ADMINISTRATOR_PASSWORD,
				"ponder.limits.default-monthly=20" })
class LimitsBrowserTest extends BrowserTestSupport {

	private static final List<Look> LOOKS = List.of(new Look("wide-light", 1280, 800, ColorScheme.LIGHT),
			new Look("wide-dark", 1280, 800, ColorScheme.DARK), new Look("phone-light", 390, 844, ColorScheme.LIGHT),
			new Look("phone-dark", 390, 844, ColorScheme.DARK));

	@Test
	void theAdministratorSetsALimitOnTheUsersPageAndSeesWhatThePersonSpent() {
		String person = "wren";
		spent(person, "Wren's budget");
		logIn(this.page, "root", TwoPeople.ROOT_PASSWORD);
		this.page.navigate("/admin/users");
		assertThat(this.page.locator("#default-limits")).containsText("none a day, $20 a month");
		Locator wren = this.page.locator(".person[data-username='" + person + "']");
		assertThat(wren.locator("[data-spend]")).hasText("Today $0.75 This month $0.75 of $20 (default)");

		wren.getByText("Spending limits").click();
		wren.getByLabel("Per day ($)").fill("five");
		wren.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save limits")).click();
		assertThat(this.page.getByRole(AriaRole.ALERT)).hasText("A daily limit is an amount of US dollars, such as 5 "
				+ "or 2.50, blank for the default, or none for no limit; \"five\" is not one.");
		assertThat(wren.getByLabel("Per day ($)")).hasValue("five");

		// A decimal comma is refused, not read as a hundred times the amount.
		wren.getByLabel("Per day ($)").fill("2,50");
		wren.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save limits")).click();
		assertThat(this.page.getByRole(AriaRole.ALERT)).hasText("A daily limit is an amount of US dollars, such as 5 "
				+ "or 2.50, blank for the default, or none for no limit; \"2,50\" is not one; use a dot for cents.");
		assertThat(wren.getByLabel("Per day ($)")).hasValue("2,50");
		assertThat(wren.locator("[data-spend]")).hasText("Today $0.75 This month $0.75 of $20 (default)");

		wren.getByLabel("Per day ($)").fill("0.50");
		wren.getByLabel("Per month ($)").fill("none");
		wren.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save limits")).click();

		assertThat(this.page.getByRole(AriaRole.STATUS)).hasText("wren's spending limits are saved.");
		assertThat(wren.locator("[data-spend]")).hasText("Today $0.75 of $0.50 over This month $0.75");
		wren.getByText("Spending limits").click();
		assertThat(wren.getByLabel("Per month ($)")).hasValue("none");
		assertThat(person(person).get("monthlyLimitSource").asString()).isEqualTo("none");

		// Thousands separated by commas are dollars as typed.
		wren.getByLabel("Per month ($)").fill("1,000.50");
		wren.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save limits")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).hasText("wren's spending limits are saved.");
		assertThat(wren.locator("[data-spend]")).containsText("This month $0.75 of $1");
		assertThat(person(person).get("monthlyLimit").decimalValue()).isEqualByComparingTo("1000.50");
		String session = this.page.context().storageState();
		inEveryLook("limits-users", session, (page) -> {
			page.navigate("/admin/users");
			page.locator(".person[data-username='" + person + "'] .person-limits > summary").click();
		});
	}

	@Test
	void aPersonOverTheLimitIsRefusedAndKeepsTheQuestionInTheComposer() {
		String person = "robin";
		String conversation = overTheLimit(person, "Robin's budget");
		logIn(this.page, person, TwoPeople.PASSWORD);
		this.page.navigate("/c/" + conversation);
		assertThat(this.page.locator("#limit-chip")).hasText("Limit $0 left today");
		assertThat(this.page.locator("#limit-chip")).hasAttribute("aria-label", "Spending limit: $0 left today");

		ask(this.page, "One more question, please?");

		assertThat(this.page.locator(".composer-error"))
			.hasText("Your daily spending limit of $0.50 is reached: $0.75 spent today. It resets at 00:00 UTC.");
		assertThat(this.page.locator("textarea[name=content]")).hasValue("One more question, please?");
		String session = this.page.context().storageState();
		inEveryLook("limits-refused", session, (page) -> {
			page.navigate("/c/" + conversation);
			ask(page, "One more question, please?");
			assertThat(page.locator(".composer-error")).containsText("daily spending limit");
			assertThat(page.locator("textarea[name=content]")).hasValue("One more question, please?");
		});
		this.page.navigate("/usage");
		assertThat(this.page.locator("#limits")).containsText("$0.75 of $0.50");
		inEveryLook("limits-usage", session, (page) -> page.navigate("/usage#limits"));
	}

	@Test
	void withoutJavaScriptARefusedFirstMessageComesBackInTheFormAndMakesNoConversation() {
		String person = "finch";
		overTheLimit(person, "Finch's budget");
		logIn(this.page, person, TwoPeople.PASSWORD);
		String session = this.page.context().storageState();
		int conversations = as(person).get("/api/conversations").body().size();
		try (BrowserContext noScript = newContext(
				new Browser.NewContextOptions().setJavaScriptEnabled(false).setStorageState(session))) {
			Page plain = noScript.newPage();
			plain.navigate("/");

			plain.locator("textarea[name=content]").fill("A brand new question");
			plain.locator(".send-button").click();

			assertThat(plain.locator(".composer-error"))
				.hasText("Your daily spending limit of $0.50 is reached: $0.75 spent today. It resets at 00:00 UTC.");
			assertThat(plain.locator("textarea[name=content]")).hasValue("A brand new question");
		}
		assertThat(as(person).get("/api/conversations").body().size()).isEqualTo(conversations);
	}

	/**
	 * A new person who spent $0.75 today in a conversation of that title, whose id this
	 * is.
	 */
	private String spent(String person, String title) {
		Api.Reply made = root().post("/api/admin/users",
				"{\"username\":\"" + person + "\",\"password\":\"" + TwoPeople.PASSWORD + "\"}");
		assertThat(made.status()).as(made.toString()).isEqualTo(201);
		String conversation = as(person).post("/api/conversations", "{\"title\":\"" + title + "\"}")
			.body()
			.get("id")
			.asString();
		upstream.enqueue(Script.costing("Seventy-five cents of words.", 0.75));
		assertThat(as(person)
			.post("/api/conversations/" + conversation + "/messages",
					"{\"content\":\"Spend it\",\"model\":\"deepseek/deepseek-r1\"}")
			.status()).isEqualTo(200);
		return conversation;
	}

	/** As {@link #spent}, with a daily limit of $0.50 set through the admin API. */
	private String overTheLimit(String person, String title) {
		String conversation = spent(person, title);
		String id = person(person).get("id").asString();
		Api.Reply set = root().call("PATCH", "/api/admin/users/" + id, "{\"dailyLimit\": 0.50}");
		assertThat(set.status()).as(set.toString()).isEqualTo(200);
		return conversation;
	}

	/** The person as the admin API shows them. */
	private tools.jackson.databind.JsonNode person(String username) {
		return root().get("/api/admin/users")
			.body()
			.valueStream()
			.filter((p) -> p.get("username").asString().equals(username))
			.findFirst()
			.orElseThrow();
	}

	private Api root() {
		return Api.basic(this.port, "root", TwoPeople.ROOT_PASSWORD);
	}

	private Api as(String person) {
		return Api.basic(this.port, person, TwoPeople.PASSWORD);
	}

	private static void logIn(Page page, String username, String password) {
		page.navigate("/login");
		page.getByLabel("Username").fill(username);
		page.getByLabel("Password").fill(password);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in").setExact(true)).click();
		page.waitForURL((url) -> !url.endsWith("/login"));
	}

	private void inEveryLook(String name, String session, Consumer<Page> show) {
		for (Look look : LOOKS) {
			BrowserContext context = newContext(new Browser.NewContextOptions().setViewportSize(look.width, look.height)
				.setColorScheme(look.scheme)
				.setStorageState(session));
			try {
				context.setDefaultTimeout(10_000);
				Page page = context.newPage();
				show.accept(page);
				page.waitForLoadState();
				settle(page);
				assertFits(page);
				shoot(page, name + "-" + look.name);
			}
			finally {
				context.close();
			}
		}
	}

	private record Look(String name, int width, int height, ColorScheme scheme) {
	}

}
