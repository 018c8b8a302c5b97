package dev.ponder.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface AccountRepository extends JpaRepository<Account, UUID> {

	Optional<Account> findByUsername(String username);

	boolean existsByUsername(String username);

	List<Account> findAllByOrderByCreatedAt();

	long countByAdminTrueAndDisabledFalse();

	Optional<Account> findFirstByAdminTrueAndDisabledFalseOrderByCreatedAt();

}
