package dev.ponder.account;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.ponder.limits.LimitChange;
import dev.ponder.limits.SpendingService;
import dev.ponder.problem.ErrorCode;
import dev.ponder.problem.ProblemException;

/**
 * The administrator's API for people: add, list, disable or enable, make administrator,
 * reset a password, set spending limits. Only administrators reach it (the security
 * configuration says so). Each person comes with their limits and what they spent this
 * day and month.
 */
@RestController
@RequestMapping("/api/admin/users")
class AdminUsersApiController {

	private final AccountService accounts;

	private final SpendingService spending;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	AdminUsersApiController(AccountService accounts, SpendingService spending, JsonMapper json,
			PlatformTransactionManager transactions) {
		this.accounts = accounts;
		this.spending = spending;
		this.json = json;
		this.transactions = new TransactionTemplate(transactions);
	}

	@PostMapping
	ResponseEntity<AccountView> create(@RequestBody NewUser request) {
		CurrentAccount.require();
		AccountView created = this.accounts.create(request.username(), request.password(),
				Boolean.TRUE.equals(request.admin()));
		return ResponseEntity.created(URI.create("/api/admin/users/" + created.id())).body(withSpending(created));
	}

	@GetMapping
	List<AccountView> list() {
		CurrentAccount.require();
		return this.accounts.list().stream().map(this::withSpending).toList();
	}

	@GetMapping("/{id}")
	AccountView get(@PathVariable UUID id) {
		CurrentAccount.require();
		return withSpending(this.accounts.get(id));
	}

	/**
	 * Changes what the body names, all of it or nothing: both parts are read and checked
	 * first, then applied in one transaction, so that a refused password does not leave a
	 * new limit behind. {@code dailyLimit} and {@code monthlyLimit} are read from the
	 * tree because {@code null} there means something (back to the default) and an absent
	 * one means to leave it.
	 */
	@PatchMapping("/{id}")
	AccountView update(@PathVariable UUID id, @RequestBody JsonNode body) {
		UUID acting = CurrentAccount.require().id();
		LimitChange limits = new LimitChange(limit(body, "dailyLimit"), limit(body, "monthlyLimit"),
				body.has("allowedModels"), patterns(body));
		AccountService.AccountChange change = this.json.treeToValue(body, AccountService.AccountChange.class);
		this.spending.check(limits);
		this.accounts.get(id);
		if (limits.any()) {
			this.spending.prepare(id);
		}
		AccountView updated = this.transactions.execute((status) -> {
			this.spending.change(id, limits);
			return this.accounts.update(id, change, acting);
		});
		return withSpending(updated);
	}

	/**
	 * A limit as the body gives it: absent to leave it, a number, {@code null} for the
	 * default, or {@code "none"} for no limit even when there is a default.
	 */
	private static LimitChange.OwnLimit limit(JsonNode body, String name) {
		if (!body.has(name)) {
			return null;
		}
		JsonNode value = body.get(name);
		if (value.isNull()) {
			return LimitChange.OwnLimit.DEFAULT;
		}
		if (value.isString() && "none".equals(value.asString())) {
			return LimitChange.OwnLimit.NO_LIMIT;
		}
		if (!value.isNumber()) {
			throw new ProblemException(ErrorCode.INVALID_REQUEST, name
					+ " is an amount of US dollars, such as 5 or 2.50, null for the default, or \"none\" for no limit.");
		}
		return LimitChange.OwnLimit.of(value.decimalValue());
	}

	private static List<String> patterns(JsonNode body) {
		JsonNode value = body.get("allowedModels");
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isArray() || value.valueStream().anyMatch((pattern) -> !pattern.isString())) {
			throw new ProblemException(ErrorCode.INVALID_REQUEST,
					"allowedModels is a list of model patterns, such as [\"deepseek/*\", \"ollama:*\"], or null for all.");
		}
		return value.valueStream().map(JsonNode::asString).toList();
	}

	private AccountView withSpending(AccountView view) {
		return view.withSpending(this.spending);
	}

	record NewUser(String username, String password, Boolean admin) {
	}

}
