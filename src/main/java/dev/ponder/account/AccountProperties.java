package dev.ponder.account;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use this instance: {@code PONDER_AUTH}, {@code PONDER_SIGNUP},
 * {@code PONDER_ADMIN_USERNAME} and {@code PONDER_ADMIN_PASSWORD}.
 *
 * @param auth accounts (each person logs in and sees only their own conversations) or
 * none (single-user: whoever reaches the port is the owner)
 * @param signup whether people may create their own accounts
 * @param admin an administrator to create at start when absent, for unattended set-ups
 * @param allowedHosts with accounts off, the host names besides localhost that Ponder
 * answers to
 */
@ConfigurationProperties("ponder")
public record AccountProperties(@DefaultValue("accounts") Auth auth, @DefaultValue("closed") Signup signup,
		@DefaultValue Admin admin, @DefaultValue List<String> allowedHosts) {

	public boolean accountsOn() {
		return this.auth == Auth.ACCOUNTS;
	}

	public boolean signupOpen() {
		return accountsOn() && this.signup == Signup.OPEN;
	}

	/** How people are told apart. */
	public enum Auth {

		ACCOUNTS, NONE

	}

	/** Whether anyone may create an account, or only the administrator. */
	public enum Signup {

		CLOSED, OPEN

	}

	/**
	 * The administrator made at start; a password never appears in {@link #toString()}.
	 */
	public record Admin(String username, String password) {

		boolean isSet() {
			return this.username != null && !this.username.isBlank() && this.password != null
					&& !this.password.isEmpty();
		}

		@Override
		public String toString() {
			return "Admin[username=" + this.username + ", password=" + ((this.password != null) ? "(set)" : "(none)")
					+ "]";
		}

	}

}
