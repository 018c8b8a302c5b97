package dev.ponder.account;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.ponder.limits.LimitChange;
import dev.ponder.limits.SpendingService;
import dev.ponder.problem.ProblemException;

/**
 * The users page: the administrator adds people, disables or enables them, and sets their
 * spending limits and the models they may use, seeing what each spent this day and month.
 */
@Controller
class AdminUsersPageController {

	private static final String BACK = "redirect:/admin/users";

	/** Dollars with commas between thousands only, such as 1,000 or 12,500.50. */
	private static final Pattern THOUSANDS = Pattern.compile("^\\d{1,3}(,\\d{3})+(\\.\\d+)?$");

	private final AccountService accounts;

	private final AccountProperties properties;

	private final SpendingService spending;

	AdminUsersPageController(AccountService accounts, AccountProperties properties, SpendingService spending) {
		this.accounts = accounts;
		this.properties = properties;
		this.spending = spending;
	}

	@GetMapping("/admin/users")
	String users(Model model) {
		AccountPrincipal me = CurrentAccount.require();
		model.addAttribute("section", "users");
		List<AccountView> users = this.accounts.list().stream().map((u) -> u.withSpending(this.spending)).toList();
		model.addAttribute("users", users);
		model.addAttribute("ownLimits",
				users.stream().collect(Collectors.toMap(AccountView::id, (u) -> this.spending.own(u.id()))));
		model.addAttribute("defaultLimits", this.spending.defaults());
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

	/**
	 * A person's own limits, in dollars; a blank field clears that limit (the default
	 * applies), the word "none" is no limit even when there is a default. Typed amounts
	 * that are refused come back in the form with the sentence.
	 */
	@PostMapping("/admin/users/{id}/limits")
	String limits(@PathVariable UUID id, @RequestParam(required = false) String dailyLimit,
			@RequestParam(required = false) String monthlyLimit, @RequestParam(required = false) String allowedModels,
			RedirectAttributes redirect) {
		CurrentAccount.require();
		AccountView person = this.accounts.get(id);
		try {
			this.spending.change(id, new LimitChange(limit("daily", dailyLimit), limit("monthly", monthlyLimit), true,
					patterns(allowedModels)));
			redirect.addFlashAttribute("changed", person.username() + "'s spending limits are saved.");
		}
		catch (ProblemException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			redirect.addFlashAttribute("typedLimits", new TypedLimits(id, dailyLimit, monthlyLimit, allowedModels));
		}
		return BACK;
	}

	/**
	 * What the administrator typed into a person's limits, given back when refused;
	 * serializable, as flash attributes live in the session, which lives in the database.
	 */
	record TypedLimits(UUID id, String daily, String monthly, String models) implements Serializable {
	}

	/** Patterns typed with commas or one a line; blank allows every model. */
	private static List<String> patterns(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		return List.of(typed.split("[,\\n]"));
	}

	/**
	 * A limit as typed: blank for the default, "none" for no limit, or dollars, where a
	 * comma may only separate thousands ("1,000.50"): "2,50" is refused rather than read
	 * as $250.
	 */
	private static LimitChange.OwnLimit limit(String period, String typed) {
		String text = (typed != null) ? typed.strip().replace("$", "").strip() : "";
		if (text.isEmpty()) {
			return LimitChange.OwnLimit.DEFAULT;
		}
		if (text.equalsIgnoreCase("none")) {
			return LimitChange.OwnLimit.NO_LIMIT;
		}
		if (text.contains(",")) {
			if (!THOUSANDS.matcher(text).matches()) {
				throw refused(period, typed, "; use a dot for cents.");
			}
			text = text.replace(",", "");
		}
		try {
			return LimitChange.OwnLimit.of(new BigDecimal(text));
		}
		catch (NumberFormatException ex) {
			throw refused(period, typed, ".");
		}
	}

	private static AccountRejectedException refused(String period, String typed, String end) {
		return AccountRejectedException.invalid("A " + period + " limit is an amount of US dollars, such as 5 or "
				+ "2.50, blank for the default, or none for no limit; \"" + typed.strip() + "\" is not one" + end);
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
