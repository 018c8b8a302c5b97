package dev.ponder.account;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.ponder.limits.SpendingService;

/**
 * One's own account through the API: who one is logged in as, and personal access tokens.
 */
@RestController
@RequestMapping("/api")
class AccountApiController {

	private final AccountService accounts;

	private final AccessTokenService tokens;

	private final SpendingService spending;

	AccountApiController(AccountService accounts, AccessTokenService tokens, SpendingService spending) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.spending = spending;
	}

	/** Who one is, with one's spending limits and what one spent this day and month. */
	@GetMapping("/account")
	AccountView account() {
		UUID id = CurrentAccount.require().id();
		return this.accounts.get(id).withSpending(this.spending);
	}

	@GetMapping("/tokens")
	List<AccessTokenView> tokens() {
		return this.tokens.list(CurrentAccount.require().id());
	}

	/** Makes a token; the answer is the only time it is shown. */
	@PostMapping("/tokens")
	ResponseEntity<CreatedAccessToken> create(@RequestBody(required = false) NewToken request) {
		CreatedAccessToken created = this.tokens.create(CurrentAccount.require().id(),
				(request != null) ? request.name() : null,
				request == null || request.saveCalls() == null || request.saveCalls());
		return ResponseEntity.created(URI.create("/api/tokens/" + created.id())).body(created);
	}

	@DeleteMapping("/tokens/{id}")
	ResponseEntity<Void> revoke(@PathVariable UUID id) {
		this.tokens.revoke(CurrentAccount.require().id(), id);
		return ResponseEntity.noContent().build();
	}

	/**
	 * @param saveCalls whether calls through the OpenAI-compatible API made with the
	 * token are saved as conversations; {@code true} when absent
	 */
	record NewToken(String name, Boolean saveCalls) {
	}

}
