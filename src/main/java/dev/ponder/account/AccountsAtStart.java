package dev.ponder.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Gets accounts ready before the first request: creates the administrator named by
 * {@code PONDER_ADMIN_USERNAME} and {@code PONDER_ADMIN_PASSWORD} when absent, says in
 * the log how the instance can be used, and, once it is ready, hands conversations made
 * with accounts off to the oldest administrator.
 */
@Component
class AccountsAtStart implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(AccountsAtStart.class);

	private final AccountProperties properties;

	private final AccountService accounts;

	private final AccountRepository repository;

	private final ApplicationEventPublisher events;

	AccountsAtStart(AccountProperties properties, AccountService accounts, AccountRepository repository,
			ApplicationEventPublisher events) {
		this.properties = properties;
		this.accounts = accounts;
		this.repository = repository;
		this.events = events;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!this.properties.accountsOn()) {
			return;
		}
		AccountProperties.Admin admin = this.properties.admin();
		if (admin.isSet() && !this.repository.existsByUsername(Account.normalise(admin.username()))) {
			try {
				this.accounts.create(admin.username(), admin.password(), true);
				logger.info("Created the administrator \"{}\" from PONDER_ADMIN_USERNAME.",
						Account.normalise(admin.username()));
			}
			catch (DataIntegrityViolationException ex) {
				// Another instance, starting at the same time, made it.
			}
			catch (AccountRejectedException ex) {
				throw new IllegalStateException(
						"PONDER_ADMIN_USERNAME or PONDER_ADMIN_PASSWORD cannot be used: " + ex.getMessage(), ex);
			}
		}
		if (this.accounts.setUpNeeded()) {
			logger.info("No accounts yet: the first visit to /setup creates the administrator "
					+ "(or set PONDER_ADMIN_USERNAME and PONDER_ADMIN_PASSWORD).");
		}
		else {
			logger.info("Accounts are on: {} account(s){}.", this.repository.count(),
					this.properties.signupOpen() ? ", sign-up open to anyone" : "");
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void handOverOwnerlessConversations() {
		if (this.properties.accountsOn()) {
			this.repository.findFirstByAdminTrueAndDisabledFalseOrderByCreatedAt()
				.ifPresent((admin) -> this.events.publishEvent(new AdministratorAvailable(admin.getId())));
		}
	}

}
