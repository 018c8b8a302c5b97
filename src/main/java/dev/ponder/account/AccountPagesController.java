package dev.ponder.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import dev.ponder.problem.ErrorCode;
import dev.ponder.problem.ProblemException;

/**
 * The pages before one is logged in: log-in, the first administrator's set-up, and
 * sign-up where it is open.
 */
@Controller
class AccountPagesController {

	private final AccountProperties properties;

	private final AccountService accounts;

	private final SessionLogin sessionLogin;

	private final SingleSignOn singleSignOn;

	AccountPagesController(AccountProperties properties, AccountService accounts, SessionLogin sessionLogin,
			SingleSignOn singleSignOn) {
		this.properties = properties;
		this.accounts = accounts;
		this.sessionLogin = sessionLogin;
		this.singleSignOn = singleSignOn;
	}

	@GetMapping("/login")
	String login(Model model, HttpServletRequest request) {
		if (!this.properties.accountsOn() || CurrentOwner.principal().isPresent()) {
			return "redirect:/";
		}
		if (this.accounts.setUpNeeded()) {
			return "redirect:/setup";
		}
		HttpSession session = request.getSession(false);
		if (request.getParameter("error") != null && session != null
				&& session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException ex) {
			session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
			model.addAttribute("error", message(ex, this.singleSignOn.name()));
			model.addAttribute("username", session.getAttribute(AccountSecurity.LAST_USERNAME));
			session.removeAttribute(AccountSecurity.LAST_USERNAME);
		}
		if (request.getParameter("unavailable") != null) {
			model.addAttribute("error", this.singleSignOn.name()
					+ " cannot be reached just now, so signing in with it does not work; try again in a moment.");
		}
		model.addAttribute("loggedOut", request.getParameter("logout") != null);
		singleSignOn(model);
		// With single sign-on only, the password form stays reachable at /login?password
		// for an administrator made with a password (PONDER_ADMIN_USERNAME).
		boolean passwordForm = !this.singleSignOn.only() || request.getParameter("password") != null
				|| model.getAttribute("username") != null;
		model.addAttribute("passwordForm", passwordForm);
		model.addAttribute("signupOpen", this.properties.signupOpen() && !this.singleSignOn.only());
		return "account/login";
	}

	/**
	 * A wrong username and a wrong password read the same, so that guesses learn nothing
	 * about which accounts exist.
	 */
	private static String message(AuthenticationException ex, String singleSignOnName) {
		if (ex instanceof LoginThrottledException || ex instanceof SingleSignOnRefused
				|| ex instanceof org.springframework.security.authentication.DisabledException) {
			return ex.getMessage();
		}
		if (ex instanceof OAuth2AuthenticationException) {
			return "Signing in with " + singleSignOnName + " did not work; try again.";
		}
		return "The username or password is not right.";
	}

	/** The "Sign in with …" link, when single sign-on is configured. */
	private void singleSignOn(Model model) {
		model.addAttribute("singleSignOn", this.singleSignOn.enabled());
		model.addAttribute("singleSignOnName", this.singleSignOn.name());
		model.addAttribute("singleSignOnStart", SingleSignOnSecurity.START);
		model.addAttribute("singleSignOnMakesAdministrator", this.singleSignOn.firstSignInMakesAdministrator());
	}

	@GetMapping("/setup")
	String setUp(Model model) {
		if (!this.properties.accountsOn() || !this.accounts.setUpNeeded()) {
			return "redirect:/login";
		}
		model.addAttribute("form", new NewAccountForm(null, null, null, false));
		singleSignOn(model);
		return "account/setup";
	}

	@PostMapping("/setup")
	String setUp(NewAccountForm form, Model model, HttpServletRequest request, HttpServletResponse response) {
		if (!this.properties.accountsOn()) {
			return "redirect:/";
		}
		try {
			form.checkConfirmation();
			this.sessionLogin.logIn(this.accounts.setUp(form.username(), form.password()), request, response);
			return "redirect:/";
		}
		catch (AccountRejectedException ex) {
			if (!this.accounts.setUpNeeded()) {
				return "redirect:/login";
			}
			model.addAttribute("form", form.withoutPasswords());
			model.addAttribute("error", ex.getMessage());
			singleSignOn(model);
			return "account/setup";
		}
	}

	@GetMapping("/signup")
	String signUp(Model model) {
		requireOpenSignup();
		if (this.accounts.setUpNeeded()) {
			return "redirect:/setup";
		}
		model.addAttribute("form", new NewAccountForm(null, null, null, false));
		return "account/signup";
	}

	@PostMapping("/signup")
	String signUp(NewAccountForm form, Model model, HttpServletRequest request, HttpServletResponse response) {
		requireOpenSignup();
		if (this.accounts.setUpNeeded()) {
			return "redirect:/setup";
		}
		try {
			form.checkConfirmation();
			this.sessionLogin.logIn(this.accounts.signUp(form.username(), form.password()), request, response);
			return "redirect:/";
		}
		catch (AccountRejectedException ex) {
			model.addAttribute("form", form.withoutPasswords());
			model.addAttribute("error", ex.getMessage());
			return "account/signup";
		}
	}

	/**
	 * Sign-up is open when the settings say so and the log-in page is not single sign-on
	 * only: PONDER_OIDC_ONLY means that people come in through the provider, so a
	 * password account of one's own making would go round it.
	 */
	private void requireOpenSignup() {
		if (!this.properties.signupOpen() || this.singleSignOn.only()) {
			throw new ProblemException(ErrorCode.NOT_FOUND, "Sign-up is closed on this Ponder.");
		}
	}

}
