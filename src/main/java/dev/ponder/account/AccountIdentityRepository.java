package dev.ponder.account;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface AccountIdentityRepository extends JpaRepository<AccountIdentity, AccountIdentity.Key> {

	/** Whether the account signs in through an identity provider. */
	boolean existsByAccountId(UUID accountId);

}
