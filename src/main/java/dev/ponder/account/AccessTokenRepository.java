package dev.ponder.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface AccessTokenRepository extends JpaRepository<AccessToken, UUID> {

	Optional<AccessToken> findByTokenHash(String tokenHash);

	List<AccessToken> findByAccountIdOrderByCreatedAtDesc(UUID accountId);

	Optional<AccessToken> findByIdAndAccountId(UUID id, UUID accountId);

	void deleteByAccountId(UUID accountId);

}
