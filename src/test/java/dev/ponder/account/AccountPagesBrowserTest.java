package dev.ponder.account;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;

import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.BrowserTestSupport;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account pages in Chromium, with accounts on, on a database of their own: the first
 * visit sets up the administrator, who makes tokens, changes the password and manages
 * people; a person who is no administrator cannot; a remembered log-in outlives its
 * session. The steps build on each other, in order. Screenshots of each page, wide and
 * phone, light and dark, land in {@code target/screenshots}.
 */
// This class's own @SpringBootTest replaces the one inherited, which turns accounts off.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ponder.auth=accounts", "spring.datasource.url=jdbc:h2:mem:account-pages;DB_CLOSE_DELAY=-1",
				"openrouter.api-key=" + AppTestSupport.API_KEY, "openrouter.idle-timeout=10s",
				"openrouter.first-byte-timeout=10s" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountPagesBrowserTest extends BrowserTestSupport {

	private static final String ADMIN = "ada";

	private static final String FIRST_PASSWORD = "analytical-engine";

	private static final String SECOND_PASSWORD = "difference-engine";

	private static final String PERSON = "bob";

	private static final String PERSON_PASSWORD = "bobs-password";

	private static final List<Look> LOOKS = List.of(new Look("wide-light", 1280, 860, ColorScheme.LIGHT),
			new Look("wide-dark", 1280, 860, ColorScheme.DARK), new Look("phone-light", 390, 844, ColorScheme.LIGHT),
			new Look("phone-dark", 390, 844, ColorScheme.DARK));

	@Test
	@Order(1)
	void theFirstVisitSetsUpTheAdministratorWhoLandsLoggedInOnTheChatPage() {
		inEveryLook("account-setup", (page) -> {
			page.navigate("/");
			assertThat(page).hasURL(Pattern.compile("/setup$"));
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Set up Ponder")))
				.isVisible();
		});

		this.page.navigate("/");
		assertThat(this.page).hasURL(Pattern.compile("/setup$"));
		assertThat(this.page.getByText("Create the administrator of this Ponder")).isVisible();
		// Nobody is logged in: the top bar offers nothing that needs an account.
		assertThat(link(this.page, "Settings")).hasCount(0);
		assertThat(link(this.page, "Usage")).hasCount(0);
		assertThat(link(this.page, "New chat")).hasCount(0);
		assertThat(this.page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)))
			.hasAttribute("autocomplete", "new-password");
		assertThat(this.page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)))
			.hasAttribute("minlength", "8");

		this.page.getByLabel("Username").fill(ADMIN);
		this.page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(FIRST_PASSWORD);
		this.page.getByLabel("Password again").fill(FIRST_PASSWORD + "!");
		button(this.page, "Create administrator").click();
		assertThat(this.page.getByRole(AriaRole.ALERT)).hasText("The two passwords are not the same.");
		assertThat(this.page.getByLabel("Username")).hasValue(ADMIN);

		this.page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(FIRST_PASSWORD);
		this.page.getByLabel("Password again").fill(FIRST_PASSWORD);
		button(this.page, "Create administrator").click();

		assertThat(this.page).hasURL(Pattern.compile("/$"));
		assertThat(this.page.locator("textarea[name=content]")).isVisible();
		assertThat(accountMenu(this.page)).containsText(ADMIN);
		assertThat(link(this.page, "Settings")).isVisible();
		// The menu works without scripts; closing it with Escape needs them.
		this.page.waitForLoadState();
		accountMenu(this.page).click();
		assertThat(menuLink(this.page, "Users")).isVisible();
		assertThat(button(this.page, "Log out")).isVisible();
		this.page.keyboard().press("Escape");
		assertThat(button(this.page, "Log out")).isHidden();

		this.page.navigate("/setup");
		assertThat(this.page).hasURL(Pattern.compile("/$"));
	}

	@Test
	@Order(2)
	void aNewTokenIsShownOnceAndWorksUntilItIsRevoked() {
		logIn(this.page, ADMIN, FIRST_PASSWORD);
		this.page.navigate("/settings");
		Locator account = this.page.locator("#account");
		assertThat(account.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("Account"))).isVisible();
		assertThat(account).containsText("Logged in as " + ADMIN);

		account.getByLabel("Name of a new token").fill("backup script");
		button(this.page, "Create token").click();

		assertThat(this.page).hasURL(Pattern.compile("/settings#account$"));
		Locator shown = this.page.locator(".new-token-value");
		assertThat(shown).hasText(Pattern.compile("^pnd_[A-Za-z0-9_-]{40,}$"));
		assertThat(this.page.getByText("will not show it again")).isVisible();
		assertThat(button(this.page, "Copy token")).isVisible();
		String token = shown.textContent();
		assertThat(apiStatus(token)).isEqualTo(200);

		this.page.reload();
		assertThat(this.page.locator(".new-token")).hasCount(0);
		assertThat(this.page.getByText(token)).hasCount(0);
		Locator listed = this.page.locator(".token", new Page.LocatorOptions().setHasText("backup script"));
		assertThat(listed).containsText(token.substring(0, 12) + "…");

		button(this.page, "Revoke backup script").click();
		assertThat(this.page.getByText("The token is revoked")).isVisible();
		assertThat(this.page.locator(".token", new Page.LocatorOptions().setHasText("backup script"))).hasCount(0);
		assertThat(apiStatus(token)).isEqualTo(401);

		inEveryLook("account-settings", session(this.page), (page) -> {
			page.navigate("/settings");
			page.getByLabel("Name of a new token").fill("laptop sync");
			button(page, "Create token").click();
			assertThat(page.locator(".new-token-value")).hasText(Pattern.compile("^pnd_"));
			assertThat(page.locator(".new-token")).isInViewport();
		});
		inEveryLook("account-sessions", session(this.page), (page) -> {
			page.navigate("/settings");
			page.getByText("Log out everywhere else").scrollIntoViewIfNeeded();
		});
		this.page.navigate("/settings");
		button(this.page, "Log out everywhere else").click();
		assertThat(this.page.getByText("Every other device is logged out")).isVisible();
	}

	@Test
	@Order(3)
	void theAdministratorAddsDisablesAndEnablesAPerson() {
		logIn(this.page, ADMIN, FIRST_PASSWORD);
		this.page.navigate("/admin/users");
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Users"))).isVisible();
		Locator me = person(this.page, ADMIN);
		assertThat(me).containsText("Admin");
		assertThat(me).containsText("You");
		assertThat(me.getByRole(AriaRole.BUTTON)).hasCount(0);

		Locator form = this.page.locator("form.add-person");
		form.getByLabel("Username").fill(PERSON);
		form.getByLabel("Password").fill(PERSON_PASSWORD);
		button(this.page, "Add person").click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("Added " + PERSON);
		assertThat(person(this.page, PERSON)).containsText("Never logged in");
		assertThat(person(this.page, PERSON)).not().containsText("Admin");

		form.getByLabel("Username").fill(PERSON);
		form.getByLabel("Password").fill(PERSON_PASSWORD);
		button(this.page, "Add person").click();
		assertThat(this.page.getByRole(AriaRole.ALERT)).hasText("The username \"" + PERSON + "\" is taken.");

		form.getByLabel("Username").fill("carol");
		form.getByLabel("Password").fill("carols-password");
		form.getByLabel("Administrator").check();
		button(this.page, "Add person").click();
		assertThat(person(this.page, "carol")).containsText("Admin");

		button(this.page, "Disable " + PERSON).click();
		assertThat(person(this.page, PERSON)).containsText("Disabled");
		BrowserContext elsewhere = newContext(new Browser.NewContextOptions());
		Page bob = elsewhere.newPage();
		logIn(bob, PERSON, PERSON_PASSWORD);
		assertThat(bob.getByRole(AriaRole.ALERT)).hasText("This account is disabled; ask the administrator.");

		inEveryLook("account-users", session(this.page), (page) -> {
			page.navigate("/admin/users");
			assertThat(person(page, PERSON)).containsText("Disabled");
			person(page, "carol").getByText("Reset password or role").click();
			assertThat(person(page, "carol").getByLabel("New password")).isVisible();
		});

		Locator carol = person(this.page, "carol");
		carol.getByText("Reset password or role").click();
		carol.getByLabel("New password").fill("carols-new-password");
		carol.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reset password")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS))
			.hasText("carol's password is reset, and their tokens revoked.");
		person(this.page, "carol").getByText("Reset password or role").click();
		person(this.page, "carol")
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove administrator"))
			.click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).hasText("carol is no longer an administrator.");
		assertThat(person(this.page, "carol").locator(".badge", new Locator.LocatorOptions().setHasText("Admin")))
			.hasCount(0);
		BrowserContext carols = newContext(new Browser.NewContextOptions());
		Page carolsPage = carols.newPage();
		logIn(carolsPage, "carol", "carols-new-password");
		assertThat(carolsPage).hasURL(Pattern.compile("/$"));
		carols.close();

		button(this.page, "Enable " + PERSON).click();
		assertThat(person(this.page, PERSON)).not().containsText("Disabled");
		assertThat(button(this.page, "Disable " + PERSON)).isVisible();
		logIn(bob, PERSON, PERSON_PASSWORD);
		assertThat(bob).hasURL(Pattern.compile("/$"));
		elsewhere.close();
	}

	@Test
	@Order(4)
	void aPersonWhoIsNoAdministratorCannotManageUsers() {
		logIn(this.page, PERSON, PERSON_PASSWORD);
		assertThat(accountMenu(this.page)).containsText(PERSON);
		accountMenu(this.page).click();
		assertThat(button(this.page, "Log out")).isVisible();
		assertThat(menuLink(this.page, "Users")).hasCount(0);

		Response users = this.page.navigate("/admin/users");

		assertThat(users.status()).isEqualTo(403);
		assertThat(this.page.getByText("Add a person")).hasCount(0);
		assertThat(this.page.getByText(ADMIN)).hasCount(0);
	}

	@Test
	@Order(5)
	void aChangedPasswordReplacesTheOldOne() {
		logIn(this.page, ADMIN, FIRST_PASSWORD);
		this.page.navigate("/settings");
		this.page.getByLabel("Current password").fill("not-my-password");
		this.page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(SECOND_PASSWORD);
		this.page.getByLabel("New password again").fill(SECOND_PASSWORD);
		button(this.page, "Change password").click();
		// The page has another alert, the relay's, kept hidden by the stylesheet: named
		// by
		// its text, this one is found whether or not the stylesheet has applied yet.
		assertThat(this.page.getByRole(AriaRole.ALERT)
			.filter(new Locator.FilterOptions().setHasText("The current password is not right."))).isVisible();

		this.page.getByLabel("Current password").fill(FIRST_PASSWORD);
		this.page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(SECOND_PASSWORD);
		this.page.getByLabel("New password again").fill(SECOND_PASSWORD);
		button(this.page, "Change password").click();
		assertThat(this.page.getByText("Your password is changed.")).isVisible();

		accountMenu(this.page).click();
		button(this.page, "Log out").click();
		assertThat(this.page).hasURL(Pattern.compile("/login\\?logout$"));
		assertThat(this.page.getByRole(AriaRole.STATUS)).hasText("You are logged out.");
		assertThat(accountMenu(this.page)).hasCount(0);

		logIn(this.page, ADMIN, FIRST_PASSWORD);
		assertThat(this.page.getByRole(AriaRole.ALERT)).hasText("The username or password is not right.");
		logIn(this.page, ADMIN, SECOND_PASSWORD);
		assertThat(this.page).hasURL(Pattern.compile("/$"));
		assertThat(accountMenu(this.page)).containsText(ADMIN);

		inEveryLook("account-login", (page) -> {
			logIn(page, "nobody", "not-a-password");
			assertThat(page.getByRole(AriaRole.ALERT)).hasText("The username or password is not right.");
		});
		inEveryLook("account-menu", session(this.page), (page) -> {
			page.navigate("/");
			page.waitForLoadState();
			accountMenu(page).click();
			assertThat(button(page, "Log out")).isInViewport();
		});
	}

	@Test
	@Order(6)
	void aRememberedLogInOutlivesItsSession() {
		logIn(this.page, ADMIN, SECOND_PASSWORD, true);
		assertThat(this.page.context().cookies()).extracting((cookie) -> cookie.name)
			.contains(AccountSecurity.REMEMBER_ME_COOKIE);

		this.page.context().clearCookies(new BrowserContext.ClearCookiesOptions().setName("JSESSIONID"));
		this.page.navigate("/settings");

		assertThat(this.page.locator("#account")).containsText("Logged in as " + ADMIN);
	}

	private static void logIn(Page page, String username, String password) {
		logIn(page, username, password, false);
	}

	private static void logIn(Page page, String username, String password, boolean remember) {
		page.navigate("/login");
		page.getByLabel("Username").fill(username);
		page.getByLabel("Password").fill(password);
		page.getByLabel("Remember me").setChecked(remember);
		button(page, "Log in").click();
		page.waitForURL((url) -> !url.endsWith("/login"));
	}

	/** The status a script gets from the API with this token. */
	private int apiStatus(String token) {
		return client().get()
			.uri("/api/conversations")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchangeToMono((response) -> Mono.just(response.statusCode().value()))
			.block(Duration.ofSeconds(5));
	}

	/**
	 * Shows a page in each look, checks that nothing spills sideways, and takes its
	 * picture.
	 */
	private void inEveryLook(String name, Consumer<Page> show) {
		inEveryLook(name, null, show);
	}

	/**
	 * The same, logged in as the page whose session is given (which saves logging in four
	 * times).
	 */
	private void inEveryLook(String name, String session, Consumer<Page> show) {
		for (Look look : LOOKS) {
			Browser.NewContextOptions options = new Browser.NewContextOptions().setViewportSize(look.width, look.height)
				.setColorScheme(look.scheme);
			BrowserContext context = newContext((session != null) ? options.setStorageState(session) : options);
			try {
				context.setDefaultTimeout(10_000);
				Page page = context.newPage();
				show.accept(page);
				page.waitForLoadState();
				settle(page);
				assertFits(page);
				assertThat(page.evaluate("() => document.scrollingElement.scrollTop"))
					.as("the document itself scrolled, taking the top bar away")
					.isEqualTo(0);
				shoot(page, name + "-" + look.name);
			}
			finally {
				context.close();
			}
		}
	}

	/** The cookies that keep this page logged in. */
	private static String session(Page page) {
		return page.context().storageState();
	}

	private static Locator accountMenu(Page page) {
		return page.locator(".account-menu > summary");
	}

	private static Locator menuLink(Page page, String name) {
		return page.locator(".account-panel").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name));
	}

	private static Locator link(Page page, String name) {
		return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	private static Locator button(Page page, String name) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	private static Locator person(Page page, String username) {
		return page.locator(".person[data-username='" + username + "']");
	}

	private record Look(String name, int width, int height, ColorScheme scheme) {
	}

}
