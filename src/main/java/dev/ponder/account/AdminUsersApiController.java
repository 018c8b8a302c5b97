package dev.ponder.account;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrator's API for people: add, list, disable or enable, make administrator,
 * reset a password. Only administrators reach it (the security configuration says so).
 */
@RestController
@RequestMapping("/api/admin/users")
class AdminUsersApiController {

	private final AccountService accounts;

	AdminUsersApiController(AccountService accounts) {
		this.accounts = accounts;
	}

	@PostMapping
	ResponseEntity<AccountView> create(@RequestBody NewUser request) {
		CurrentAccount.require();
		AccountView created = this.accounts.create(request.username(), request.password(),
				Boolean.TRUE.equals(request.admin()));
		return ResponseEntity.created(URI.create("/api/admin/users/" + created.id())).body(created);
	}

	@GetMapping
	List<AccountView> list() {
		CurrentAccount.require();
		return this.accounts.list();
	}

	@GetMapping("/{id}")
	AccountView get(@PathVariable UUID id) {
		CurrentAccount.require();
		return this.accounts.get(id);
	}

	@PatchMapping("/{id}")
	AccountView update(@PathVariable UUID id, @RequestBody AccountService.AccountChange change) {
		return this.accounts.update(id, change, CurrentAccount.require().id());
	}

	record NewUser(String username, String password, Boolean admin) {
	}

}
