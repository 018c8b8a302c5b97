package dev.ponder.limits;

import java.util.List;
import java.util.function.Consumer;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.test.context.SpringBootTest;

import dev.ponder.testing.Api;
import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.BrowserTestSupport;
import dev.ponder.testing.FakeGeneration;
import dev.ponder.testing.Script;
import dev.ponder.testing.TwoPeople;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spending limits in Chromium, with accounts on, on a database of their own: the
 * administrator sets a person's limit on the users page and sees what they spent; the
 * person over it sees the chip at nothing left, and a refused send keeps the question in
 * the composer with the sentence beside it. Screenshots of each, wide and phone, light
 * and dark, land in {@code target/screenshots}.
 */
// This class's own @SpringBootTest replaces the one inherited, which turns accounts off.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { TwoPeople.ACCOUNTS, "spring.datasource.url=jdbc:h2:mem:limits-pages;DB_CLOSE_DELAY=-1",
				"openrouter.api-key=" + AppTestSupport.API_KEY, "openrouter.idle-timeout=10s",
				"openrouter.first-byte-timeout=10s", TwoPeople.ADMINISTRATOR, TwoPeople.ADMINISTRATOR_PASSWORD,
				"ponder.limits.default-monthly=20" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LimitsBrowserTest extends BrowserTestSupport {

	private static final String PERSON = "wren";

	private static final List<Look> LOOKS = List.of(new Look("wide-light", 1280, 800, ColorScheme.LIGHT),
			new Look("wide-dark", 1280, 800, ColorScheme.DARK), new Look("phone-light", 390, 844, ColorScheme.LIGHT),
			new Look("phone-dark", 390, 844, ColorScheme.DARK));

	private static String conversation;

	@Test
	@Order(1)
	void theAdministratorSetsALimitOnTheUsersPageAndSeesWhatThePersonSpent() {
		Api.Reply made = root().post("/api/admin/users",
				"{\"username\":\"" + PERSON + "\",\"password\":\"" + TwoPeople.PASSWORD + "\"}");
		assertThat(made.status()).as(made.toString()).isEqualTo(201);
		conversation = wren().post("/api/conversations", "{\"title\":\"Wren's budget\"}").body().get("id").asString();
		FakeGeneration costly = FakeGeneration.unique();
		upstream.enqueue(Script.stream(costly)
			.chunk(costly.role())
			.chunk(costly.content("Seventy-five cents of words."))
			.chunk(costly.finish("stop"))
			.chunk(costly.usage(1000, 2000, 0, 0.75))
			.done());
		assertThat(wren()
			.post("/api/conversations/" + conversation + "/messages",
					"{\"content\":\"Spend it\",\"model\":\"deepseek/deepseek-r1\"}")
			.status()).isEqualTo(200);
		logIn(this.page, "root", TwoPeople.ROOT_PASSWORD);
		this.page.navigate("/admin/users");
		assertThat(this.page.locator("#default-limits")).containsText("none a day, $20 a month");
		Locator wren = this.page.locator(".person[data-username='" + PERSON + "']");
		assertThat(wren.locator("[data-spend]")).hasText("Today $0.75 This month $0.75 of $20");

		wren.getByText("Spending limits").click();
		wren.getByLabel("Per day ($)").fill("five");
		wren.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save limits")).click();
		assertThat(this.page.getByRole(AriaRole.ALERT)).hasText("A daily limit is an amount of US dollars, such as 5 "
				+ "or 2.50, or blank for none; \"five\" is not one.");
		assertThat(wren.getByLabel("Per day ($)")).hasValue("five");

		wren.getByLabel("Per day ($)").fill("0.50");
		wren.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save limits")).click();

		assertThat(this.page.getByRole(AriaRole.STATUS)).hasText("wren's spending limits are saved.");
		assertThat(wren.locator("[data-spend]")).hasText("Today $0.75 of $0.50 This month $0.75 of $20");
		String session = this.page.context().storageState();
		inEveryLook("limits-users", session, (page) -> {
			page.navigate("/admin/users");
			page.locator(".person[data-username='" + PERSON + "'] .person-limits > summary").click();
		});
	}

	@Test
	@Order(2)
	void aPersonOverTheLimitIsRefusedAndKeepsTheQuestionInTheComposer() {
		logIn(this.page, PERSON, TwoPeople.PASSWORD);
		this.page.navigate("/c/" + conversation);
		assertThat(this.page.locator("#limit-chip")).hasText("$0 left today");

		ask(this.page, "One more question, please?");

		assertThat(this.page.locator(".composer-error"))
			.hasText("Your daily spending limit of $0.50 is reached: $0.75 spent today. It resets at 00:00 UTC.");
		assertThat(this.page.locator("textarea[name=content]")).hasValue("One more question, please?");
		String session = this.page.context().storageState();
		inEveryLook("limits-refused", session, (page) -> {
			page.navigate("/c/" + conversation);
			ask(page, "One more question, please?");
			assertThat(page.locator(".composer-error")).containsText("daily spending limit");
		});
		this.page.navigate("/usage");
		assertThat(this.page.locator("#limits")).containsText("$0.75 of $0.50");
		inEveryLook("limits-usage", session, (page) -> page.navigate("/usage#limits"));
	}

	@Test
	@Order(3)
	void withoutJavaScriptARefusedFirstMessageComesBackInTheFormAndMakesNoConversation() {
		logIn(this.page, PERSON, TwoPeople.PASSWORD);
		String session = this.page.context().storageState();
		int conversations = wren().get("/api/conversations").body().size();
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
		assertThat(wren().get("/api/conversations").body().size()).isEqualTo(conversations);
	}

	private Api root() {
		return Api.basic(this.port, "root", TwoPeople.ROOT_PASSWORD);
	}

	private Api wren() {
		return Api.basic(this.port, PERSON, TwoPeople.PASSWORD);
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
				// Where things come to rest: a chevron turning, a panel opening.
				page.evaluate("() => Promise.all(document.getAnimations()"
						+ ".filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished))");
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
