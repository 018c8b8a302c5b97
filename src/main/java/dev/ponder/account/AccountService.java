package dev.ponder.account;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.ponder.settings.AppSettings;
import dev.ponder.problem.ErrorCode;

/**
 * Makes and changes accounts: the first administrator, people the administrator adds or
 * who sign up, disabling, passwords.
 */
@Service
@Transactional
public class AccountService {

	/** bcrypt reads no further than 72 bytes; longer passwords would be cut silently. */
	static final int MAX_PASSWORD_BYTES = 72;

	static final int MIN_PASSWORD_LENGTH = 8;

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9._@-]{1,64}");

	private final AccountRepository accounts;

	private final PasswordEncoder passwords;

	private final AppSettings settings;

	private final ApplicationEventPublisher events;

	private final AccessTokenRepository tokens;

	private final Clock clock;

	/** Once true, for good: accounts are never deleted, only disabled. */
	private volatile boolean anyAccounts;

	AccountService(AccountRepository accounts, AccessTokenRepository tokens, PasswordEncoder passwords,
			AppSettings settings, ApplicationEventPublisher events, Clock clock) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.passwords = passwords;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/** Whether the instance still waits for its first administrator. */
	@Transactional(readOnly = true)
	public boolean setUpNeeded() {
		if (!this.anyAccounts) {
			this.anyAccounts = this.accounts.count() > 0;
		}
		return !this.anyAccounts;
	}

	/** Makes the first administrator; refused once any account exists. */
	public AccountPrincipal setUp(String username, String password) {
		if (!setUpNeeded()) {
			throw alreadySetUp();
		}
		Account account = newAccount(username, password, true);
		// Two people racing through the set-up page, even on two instances, cannot both
		// become the first administrator: only one can be recorded.
		if (!this.settings.recordFirstAdministrator(account.getUsername())) {
			throw alreadySetUp();
		}
		// Flushed now: the conversations handed over below point at it.
		this.accounts.saveAndFlush(account);
		this.anyAccounts = true;
		this.events.publishEvent(new AdministratorAvailable(account.getId()));
		return new AccountPrincipal(account);
	}

	private static AccountRejectedException alreadySetUp() {
		return new AccountRejectedException(ErrorCode.ALREADY_SET_UP,
				"This Ponder already has its administrator; log in instead.");
	}

	public AccountView create(String username, String password, boolean admin) {
		Account account = this.accounts.save(newAccount(username, password, admin));
		this.anyAccounts = true;
		return AccountView.of(account);
	}

	/**
	 * Signs a person up as an ordinary account, for instances with open sign-up; not
	 * before the administrator exists, who would otherwise never be made.
	 */
	public AccountPrincipal signUp(String username, String password) {
		if (setUpNeeded()) {
			throw new AccountRejectedException(ErrorCode.NOT_SET_UP,
					"This Ponder has no administrator yet: the first account is made on the set-up page.");
		}
		Account account = this.accounts.save(newAccount(username, password, false));
		this.anyAccounts = true;
		return new AccountPrincipal(account);
	}

	private Account newAccount(String username, String password, boolean admin) {
		String name = checkedUsername(username);
		checkPassword(password);
		if (this.accounts.existsByUsername(name)) {
			throw AccountRejectedException.usernameTaken(name);
		}
		return new Account(name, this.passwords.encode(password), admin, this.clock.instant());
	}

	@Transactional(readOnly = true)
	public List<AccountView> list() {
		return this.accounts.findAllByOrderByCreatedAt().stream().map(AccountView::of).toList();
	}

	@Transactional(readOnly = true)
	public AccountView get(UUID id) {
		return AccountView.of(existing(id));
	}

	/**
	 * Applies an administrator's change to an account. Nobody can disable themselves or
	 * take away their own administration: an instance must keep someone who can manage
	 * it.
	 */
	public AccountView update(UUID id, AccountChange change, UUID actingAccountId) {
		Account account = existing(id);
		boolean self = account.getId().equals(actingAccountId);
		if (change.disabled() != null) {
			if (self && change.disabled()) {
				throw AccountRejectedException.invalid("You cannot disable your own account.");
			}
			account.disable(change.disabled());
			if (change.disabled()) {
				this.events.publishEvent(new SessionsEnded(account.getUsername(), null));
			}
		}
		if (change.admin() != null) {
			if (self && !change.admin()) {
				throw AccountRejectedException.invalid("You cannot stop being an administrator yourself.");
			}
			account.makeAdmin(change.admin());
		}
		if (change.password() != null) {
			checkPassword(change.password());
			account.changePasswordHash(this.passwords.encode(change.password()));
			// A reset is how an administrator recovers an account someone else got into:
			// whatever tokens they made go too.
			this.tokens.deleteByAccountId(account.getId());
			this.events.publishEvent(new SessionsEnded(account.getUsername(), null));
		}
		return AccountView.of(account);
	}

	/**
	 * Changes one's own password, which must be proven first; every other session of the
	 * account ends.
	 * @param keptSession the id of the session that asked, which carries on
	 */
	public void changePassword(UUID id, String currentPassword, String newPassword, String keptSession) {
		Account account = existing(id);
		if (currentPassword == null || !this.passwords.matches(currentPassword, account.getPasswordHash())) {
			throw AccountRejectedException.invalid("The current password is not right.");
		}
		checkPassword(newPassword);
		account.changePasswordHash(this.passwords.encode(newPassword));
		this.events.publishEvent(new SessionsEnded(account.getUsername(), keptSession));
	}

	/**
	 * Ends every session and remember-me cookie of the account but the session that asked
	 * ("log out everywhere else").
	 */
	public void endSessions(UUID id, String keptSession) {
		Account account = existing(id);
		account.endSessions();
		this.events.publishEvent(new SessionsEnded(account.getUsername(), keptSession));
	}

	/** How many times the account logged out everywhere; 0 for no such account. */
	@Transactional(readOnly = true)
	int sessionEpochOf(String username) {
		return this.accounts.findByUsername(Account.normalise(username)).map(Account::getSessionEpoch).orElse(0);
	}

	/** The account as it is now, for checking a session made earlier. */
	@Transactional(readOnly = true)
	Optional<AccountPrincipal> current(UUID id) {
		return this.accounts.findById(id).map(AccountPrincipal::new);
	}

	void recordLogin(UUID id) {
		this.accounts.findById(id).ifPresent((account) -> account.loggedIn(this.clock.instant()));
	}

	private Account existing(UUID id) {
		return this.accounts.findById(id)
			.orElseThrow(() -> AccountRejectedException.notFound("No account with id " + id + "."));
	}

	private static String checkedUsername(String username) {
		String name = Account.normalise(username);
		if (name == null || name.isEmpty()) {
			throw AccountRejectedException.invalid("A username is needed.");
		}
		if (!USERNAME.matcher(name).matches()) {
			throw AccountRejectedException
				.invalid("A username is at most 64 letters (a to z), digits, dots, dashes, underscores or @ signs.");
		}
		return name;
	}

	static void checkPassword(String password) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
			throw AccountRejectedException.invalid("A password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw AccountRejectedException
				.invalid("A password can be at most " + MAX_PASSWORD_BYTES + " bytes long (about 72 letters).");
		}
	}

	/**
	 * What an administrator changes about an account; absent fields stay as they are.
	 */
	public record AccountChange(Boolean disabled, Boolean admin, String password) {
	}

}
