package dev.ponder.account;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account part of the settings page, as forms that work without JavaScript: change
 * one's password, make and revoke personal access tokens.
 */
@Controller
class AccountSettingsController {

	private static final String BACK = "redirect:/settings#account";

	private final AccountService accounts;

	private final AccessTokenService tokens;

	private final SessionLogin sessionLogin;

	AccountSettingsController(AccountService accounts, AccessTokenService tokens, SessionLogin sessionLogin) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.sessionLogin = sessionLogin;
	}

	@PostMapping("/settings/password")
	String changePassword(@RequestParam(required = false) String current,
			@RequestParam(required = false) String password, @RequestParam(required = false) String confirm,
			RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
		try {
			new NewAccountForm(null, password, confirm, false).checkConfirmation();
			UUID me = CurrentAccount.require().id();
			this.accounts.changePassword(me, current, password, request.getSession().getId());
			// Every other session ends with the old password; this one carries on.
			this.accounts.current(me).ifPresent((now) -> this.sessionLogin.logIn(now, request, response));
			redirect.addFlashAttribute("passwordChanged", true);
		}
		catch (AccountRejectedException ex) {
			redirect.addFlashAttribute("passwordError", ex.getMessage());
		}
		return BACK;
	}

	/** Logs out every other browser, and ends every remembered log-in. */
	@PostMapping("/settings/sessions/end")
	String endOtherSessions(RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
		UUID me = CurrentAccount.require().id();
		this.accounts.endSessions(me, request.getSession().getId());
		this.accounts.current(me).ifPresent((now) -> this.sessionLogin.logIn(now, request, response));
		redirect.addFlashAttribute("sessionsEnded", true);
		return BACK;
	}

	/**
	 * The new token goes to the next page once, as a flash attribute, and nowhere else.
	 * An unticked checkbox sends nothing, so an absent {@code saveCalls} means "don't
	 * save".
	 */
	@PostMapping("/settings/tokens")
	String createToken(@RequestParam(required = false) String name,
			@RequestParam(defaultValue = "false") boolean saveCalls, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("newToken", this.tokens.create(CurrentAccount.require().id(), name, saveCalls));
		}
		catch (AccountRejectedException ex) {
			redirect.addFlashAttribute("tokenError", ex.getMessage());
		}
		return BACK;
	}

	@PostMapping("/settings/tokens/{id}/revoke")
	String revokeToken(@PathVariable UUID id, RedirectAttributes redirect) {
		this.tokens.revoke(CurrentAccount.require().id(), id);
		redirect.addFlashAttribute("tokenRevoked", true);
		return BACK;
	}

}
