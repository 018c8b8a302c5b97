package dev.ponder.account.sso;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ponder.testing.Api;
import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.BrowserTestSupport;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on in Chromium against a real OpenID Connect provider: the redirect, the
 * code exchange, the ID token's validation, the account it makes or finds, and the
 * log-out at the provider. Run on H2 and PostgreSQL. Each test signs in people of its
 * own, so the tests need no order.
 */
// This class's own @SpringBootTest replaces the one inherited, which turns accounts off.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ponder.auth=accounts", "ponder.admin.username=root", "ponder.admin.password=root-password-1",
				"ponder.oidc.admin-group=ponder-admins", "openrouter.api-key=" + AppTestSupport.API_KEY,
				"openrouter.idle-timeout=10s", "openrouter.first-byte-timeout=10s",
				"ponder.catalog.refresh-in-background=false" })
abstract class SingleSignOnContract extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry registry) {
		for (String setting : OidcProvider.settings()) {
			String[] pair = setting.split("=", 2);
			registry.add(pair[0], () -> pair[1]);
		}
	}

	@Test
	void theLogInPageOffersTheProviderBesideThePasswordFormInEveryLook() {
		for (Object[] look : List.of(new Object[] { "wide-light", 1280, 800, ColorScheme.LIGHT },
				new Object[] { "wide-dark", 1280, 800, ColorScheme.DARK },
				new Object[] { "phone-light", 390, 844, ColorScheme.LIGHT },
				new Object[] { "phone-dark", 390, 844, ColorScheme.DARK })) {
			try (BrowserContext context = newContext(
					new Browser.NewContextOptions().setViewportSize((int) look[1], (int) look[2])
						.setColorScheme((ColorScheme) look[3]))) {
				Page page = context.newPage();
				page.navigate("/login");
				assertThat(signInLink(page)).isVisible();
				assertThat(page.getByLabel("Username")).isVisible();
				assertFits(page);
				shoot(page, "sso-login-" + look[0]);
			}
		}
	}

	@Test
	void aFirstSignInMakesAnAccountAndLaterOnesFindItByIssuerAndSubject() {
		String subject = unique("ada");
		OidcProvider.nextSignIn(subject, Map.of("preferred_username", "Ada Sso", "email", "ada@example.org"));

		signIn(this.page);

		assertThat(this.page).hasURL(Pattern.compile("/$"));
		assertThat(this.page.locator(".account-name")).hasText("ada-sso");
		assertThat(accountOf(subject)).isEqualTo("ada-sso");
		// Her password is the provider's: the settings page has none to change.
		this.page.navigate("/settings");
		assertThat(this.page.getByText("your password is kept there, not here")).isVisible();
		assertThat(this.page.locator(".password-form")).hasCount(0);

		// Later, the provider knows her under another name and address: still her
		// account.
		try (BrowserContext later = newContext(new Browser.NewContextOptions())) {
			OidcProvider.nextSignIn(subject, Map.of("preferred_username", "ada-lovelace", "email", "al@example.org"));
			Page page = later.newPage();
			signIn(page);
			assertThat(page.locator(".account-name")).hasText("ada-sso");
		}
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM account WHERE username LIKE 'ada-%'").query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void anotherSubjectWithTheSameEmailAndNameGetsAnAccountOfItsOwn() {
		String first = unique("bea");
		String second = unique("bea");
		OidcProvider.nextSignIn(first, Map.of("preferred_username", "bea", "email", "bea@example.org"));
		signIn(this.page);
		assertThat(this.page.locator(".account-name")).hasText("bea");

		try (BrowserContext other = newContext(new Browser.NewContextOptions())) {
			OidcProvider.nextSignIn(second, Map.of("preferred_username", "bea", "email", "bea@example.org"));
			Page page = other.newPage();
			signIn(page);
			assertThat(page.locator(".account-name")).hasText("bea-2");
		}
		assertThat(accountOf(first)).isEqualTo("bea");
		assertThat(accountOf(second)).isEqualTo("bea-2");
	}

	@Test
	void theAdminGroupMakesAnAdministratorAtEachSignInAndLeavingItEndsThat() {
		String subject = unique("cleo");
		OidcProvider.nextSignIn(subject,
				Map.of("preferred_username", "cleo", "groups", List.of("staff", "ponder-admins")));
		signIn(this.page);
		assertThat(this.page.locator(".account-who .badge")).hasText("Admin");
		this.page.navigate("/admin/users");
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Users").setExact(true)))
			.isVisible();

		try (BrowserContext later = newContext(new Browser.NewContextOptions())) {
			OidcProvider.nextSignIn(subject, Map.of("preferred_username", "cleo", "groups", List.of("staff")));
			Page page = later.newPage();
			signIn(page);
			assertThat(page.locator(".account-name")).hasText("cleo");
			assertThat(page.locator(".account-who .badge")).hasCount(0);
		}
		assertThat(this.jdbc.sql("SELECT admin FROM account WHERE username = 'cleo'").query(Boolean.class).single())
			.isFalse();
		// The first browser's session follows at its next page.
		this.page.navigate("/admin/users");
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Users").setExact(true)))
			.hasCount(0);
	}

	@Test
	void aDisabledAccountStaysOutWithAValidIdentityAndIsToldWhy() {
		String subject = unique("dora");
		OidcProvider.nextSignIn(subject, Map.of("preferred_username", "dora"));
		signIn(this.page);
		assertThat(this.page.locator(".account-name")).hasText("dora");
		this.jdbc.sql("UPDATE account SET disabled = TRUE WHERE username = 'dora'").update();

		try (BrowserContext later = newContext(new Browser.NewContextOptions())) {
			OidcProvider.nextSignIn(subject, Map.of("preferred_username", "dora"));
			Page page = later.newPage();
			signIn(page);
			assertThat(page).hasURL(Pattern.compile("/login\\?error$"));
			assertThat(page.getByRole(AriaRole.ALERT)).hasText("This account is disabled; ask the administrator.");
		}
		this.page.navigate("/");
		// The session made before ends too.
		assertThat(this.page).hasURL(Pattern.compile("/login$"));
	}

	@Test
	void anAccountMadeBySingleSignOnCannotLogInWithAPassword() {
		String subject = unique("erin");
		OidcProvider.nextSignIn(subject, Map.of("preferred_username", "erin"));
		signIn(this.page);
		assertThat(this.page.locator(".account-name")).hasText("erin");

		for (String password : List.of("", "null", "{noop}", "erin")) {
			assertThat(Api.basic(this.port, "erin", password).get("/api/account").status()).isEqualTo(401);
		}
	}

	@Test
	void loggingOutEndsTheSessionHereAndAtTheProviderAndComesBackToTheLogInPage() {
		String subject = unique("fay");
		OidcProvider.nextSignIn(subject, Map.of("preferred_username", "fay"));
		signIn(this.page);
		assertThat(this.page.locator(".account-name")).hasText("fay");
		List<String> visited = new ArrayList<>();
		this.page.onRequest((request) -> visited.add(request.url()));

		// The header's own log-out form, submitted as the browser submits it (the CSP's
		// form-action must let its redirect to the provider through).
		this.page.locator("form[action='/logout']").evaluate("(form) => form.submit()");

		assertThat(this.page).hasURL(Pattern.compile("/login\\?logout$"));
		assertThat(this.page.getByRole(AriaRole.STATUS)).hasText("You are logged out.");
		assertThat(visited).anySatisfy((url) -> assertThat(url).startsWith(OidcProvider.issuer() + "/endsession")
			.contains("id_token_hint=")
			.contains("post_logout_redirect_uri="));
		this.page.navigate("/");
		assertThat(this.page).hasURL(Pattern.compile("/login$"));
	}

	/** Clicks "Sign in with Mock ID" on the log-in page and waits to be back here. */
	private void signIn(Page page) {
		page.navigate("/login");
		signInLink(page).click();
		page.waitForURL(Pattern.compile("^" + Pattern.quote(baseUrl()) + "/.*"));
		page.waitForLoadState();
	}

	private static com.microsoft.playwright.Locator signInLink(Page page) {
		return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with Mock ID"));
	}

	private String accountOf(String subject) {
		return this.jdbc
			.sql("SELECT a.username FROM account_identity i JOIN account a ON a.id = i.account_id "
					+ "WHERE i.issuer = ? AND i.subject = ?")
			.params(OidcProvider.issuer(), subject)
			.query(String.class)
			.single();
	}

	private static String unique(String name) {
		return name + "-" + java.util.UUID.randomUUID();
	}

}
