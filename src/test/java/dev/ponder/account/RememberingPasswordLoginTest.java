package dev.ponder.account;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import dev.ponder.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RememberingPasswordLoginTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T09:00:00Z"));

	private final CountingEncoder bcrypt = new CountingEncoder();

	private final InMemoryUserDetailsManager accounts = new InMemoryUserDetailsManager(alice("right-password", true));

	private final RememberingPasswordLogin login = new RememberingPasswordLogin(this.accounts,
			new VerifiedPasswords(this.clock));

	RememberingPasswordLoginTest() {
		// As AccountSecurity sets it up: the account's status is told after its password.
		this.login.setPasswordEncoder(this.bcrypt);
		this.login.setPreAuthenticationChecks((account) -> {
		});
		this.login.setPostAuthenticationChecks(new AccountStatusChecks());
	}

	@Test
	void aScriptSendingTheRightPasswordOnEveryRequestPaysForBcryptOnceEveryFewMinutes() {
		for (int i = 0; i < 10; i++) {
			assertThat(logIn("alice", "right-password").isAuthenticated()).isTrue();
		}
		assertThat(this.bcrypt.checks).hasValue(1);

		this.clock.advance(VerifiedPasswords.REMEMBER_FOR.plusSeconds(1));
		logIn("alice", "right-password");
		assertThat(this.bcrypt.checks).as("forgotten after a while").hasValue(2);
	}

	@Test
	void aWrongPasswordIsCheckedEveryTimeAndNeverLetIn() {
		logIn("alice", "right-password");
		for (int i = 0; i < 3; i++) {
			assertThatThrownBy(() -> logIn("alice", "wrong-password")).isInstanceOf(BadCredentialsException.class);
		}
		assertThat(this.bcrypt.checks).hasValue(4);
	}

	@Test
	void aNewPasswordShutsOutTheOldOneAtOnce() {
		logIn("alice", "right-password");

		this.accounts.updateUser(alice("new-password", true));

		assertThatThrownBy(() -> logIn("alice", "right-password")).isInstanceOf(BadCredentialsException.class);
		assertThat(logIn("alice", "new-password").isAuthenticated()).isTrue();
	}

	@Test
	void aDisabledAccountIsRefusedEvenWithARememberedPassword() {
		logIn("alice", "right-password");

		this.accounts
			.updateUser(User.withUserDetails(this.accounts.loadUserByUsername("alice")).disabled(true).build());

		assertThatThrownBy(() -> logIn("alice", "right-password")).isInstanceOf(DisabledException.class);
	}

	@Test
	void anUnknownUsernameCostsBcryptEveryTimeWhateverThePassword() {
		// Spring Security checks a dummy hash for unknown usernames, so that they take as
		// long as known ones; a remembered dummy check would make them fast.
		for (int i = 0; i < 3; i++) {
			assertThatThrownBy(() -> logIn("nobody", "userNotFoundPassword"))
				.isInstanceOf(BadCredentialsException.class);
		}
		assertThat(this.bcrypt.checks).hasValue(3);
	}

	@Test
	void anotherAccountWithTheSamePasswordIsCheckedOnItsOwn() {
		this.accounts.createUser(User.withUsername("bob").password(this.bcrypt.encode("right-password")).build());
		logIn("alice", "right-password");

		assertThat(logIn("bob", "right-password").isAuthenticated()).isTrue();
		assertThat(this.bcrypt.checks).hasValue(2);
	}

	private UserDetails alice(String password, boolean enabled) {
		return User.withUsername("alice").password(this.bcrypt.encode(password)).disabled(!enabled).build();
	}

	private Authentication logIn(String username, String password) {
		return this.login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
	}

	/** bcrypt at its lowest cost, counting the password checks. */
	private static final class CountingEncoder implements PasswordEncoder {

		private final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);

		final AtomicInteger checks = new AtomicInteger();

		@Override
		public String encode(CharSequence rawPassword) {
			return this.bcrypt.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			this.checks.incrementAndGet();
			return this.bcrypt.matches(rawPassword, encodedPassword);
		}

	}

}
