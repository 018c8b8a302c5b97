package dev.ponder.account;

import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The users page: the administrator adds people and disables or enables them.
 */
@Controller
class AdminUsersPageController {

	private static final String BACK = "redirect:/admin/users";

	private final AccountService accounts;

	private final AccountProperties properties;

	AdminUsersPageController(AccountService accounts, AccountProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	@GetMapping("/admin/users")
	String users(Model model) {
		AccountPrincipal me = CurrentAccount.require();
		model.addAttribute("section", "users");
		model.addAttribute("users", this.accounts.list());
		model.addAttribute("me", me.id());
		model.addAttribute("signupOpen", this.properties.signupOpen());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new NewAccountForm(null, null, null, false));
		}
		return "account/users";
	}

	@PostMapping("/admin/users")
	String add(NewAccountForm form, RedirectAttributes redirect) {
		CurrentAccount.require();
		try {
			AccountView added = this.accounts.create(form.username(), form.password(),
					Boolean.TRUE.equals(form.admin()));
			redirect.addFlashAttribute("added", added.username());
		}
		catch (AccountRejectedException ex) {
			redirect.addFlashAttribute("form", form.withoutPasswords());
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return BACK;
	}

	@PostMapping("/admin/users/{id}/disable")
	String disable(@PathVariable UUID id, RedirectAttributes redirect) {
		return change(id, new AccountService.AccountChange(true, null, null), redirect);
	}

	@PostMapping("/admin/users/{id}/enable")
	String enable(@PathVariable UUID id, RedirectAttributes redirect) {
		return change(id, new AccountService.AccountChange(false, null, null), redirect);
	}

	/** A new password for someone who forgot theirs; it also revokes their tokens. */
	@PostMapping("/admin/users/{id}/password")
	String resetPassword(@PathVariable UUID id, @RequestParam(required = false) String password,
			RedirectAttributes redirect) {
		return change(id, new AccountService.AccountChange(null, null, (password != null) ? password : ""),
				(person) -> person.username() + "'s password is reset, and their tokens revoked.", redirect);
	}

	@PostMapping("/admin/users/{id}/admin")
	String changeRole(@PathVariable UUID id, @RequestParam boolean admin, RedirectAttributes redirect) {
		return change(id, new AccountService.AccountChange(null, admin, null), (person) -> person.username()
				+ (person.admin() ? " is now an administrator." : " is no longer an administrator."), redirect);
	}

	private String change(UUID id, AccountService.AccountChange change, RedirectAttributes redirect) {
		return change(id, change, (person) -> null, redirect);
	}

	private String change(UUID id, AccountService.AccountChange change, Function<AccountView, String> done,
			RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("changed",
					done.apply(this.accounts.update(id, change, CurrentAccount.require().id())));
		}
		catch (AccountRejectedException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return BACK;
	}

}
