package dev.ponder.account;

import org.springframework.data.jpa.repository.JpaRepository;

interface AccountIdentityRepository extends JpaRepository<AccountIdentity, AccountIdentity.Key> {

}
