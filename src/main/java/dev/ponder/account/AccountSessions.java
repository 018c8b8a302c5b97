package dev.ponder.account;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Deletes an account's stored sessions once the change that ends them is committed, so
 * that they are gone on every instance at once. A request that read one of them just
 * before still meets {@link AccountSecurity#currentAccountFilter()}, which compares the
 * session with the account as it is now.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AccountSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	@TransactionalEventListener
	void end(SessionsEnded ended) {
		this.sessions.findByPrincipalName(ended.username())
			.keySet()
			.stream()
			.filter((id) -> !id.equals(ended.except()))
			.forEach(this.sessions::deleteById);
	}

}
