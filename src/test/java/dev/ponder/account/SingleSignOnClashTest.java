package dev.ponder.account;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;

import dev.ponder.account.SingleSignOnAccounts.SignedInIdentity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A first sign-in that clashes with another making the same account: one clash is tried
 * again, a second is a refusal with a sentence for the log-in page, not a 500.
 */
class SingleSignOnClashTest {

	private static final SignedInIdentity IDENTITY = new SignedInIdentity("https://id.example.org", "sub-ptarmigan",
			List.of("ptarmigan"), List.of());

	private final SingleSignOnAccounts accounts = mock(SingleSignOnAccounts.class);

	private final SingleSignOnSecurity security = new SingleSignOnSecurity(mock(SingleSignOn.class), this.accounts,
			mock(SessionLogin.class));

	@Test
	void oneClashIsTriedAgain() {
		AccountPrincipal linked = mock(AccountPrincipal.class);
		when(this.accounts.signIn(IDENTITY)).thenThrow(new DataIntegrityViolationException("duplicate key"))
			.thenReturn(linked);

		assertThat(this.security.linkedAccount(IDENTITY)).isSameAs(linked);
	}

	@Test
	void aSecondClashIsARefusalTheLogInPageShows() {
		when(this.accounts.signIn(IDENTITY)).thenThrow(new DataIntegrityViolationException("duplicate key"));

		assertThatThrownBy(() -> this.security.linkedAccount(IDENTITY))
			.isInstanceOfSatisfying(SingleSignOnRefused.class, (refused) -> {
				assertThat(refused.getError().getErrorCode()).isEqualTo("account_conflict");
				assertThat(refused.getMessage())
					.isEqualTo("Your account was being set up by another sign-in at the same moment; sign in again.");
			});
		verify(this.accounts, times(2)).signIn(IDENTITY);
	}

}
