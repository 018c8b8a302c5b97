package dev.ponder.attachment;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work on the bytes that must wait for the rows' fate: files are not transactional, so a
 * directory store deletes bytes once their rows' deletion commits, and forgets new bytes
 * whose rows rolled back.
 */
final class AfterTransaction {

	private AfterTransaction() {
	}

	/** Runs once the transaction commits; at once outside one. */
	static void commit(Runnable action) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			action.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				action.run();
			}
		});
	}

	/** Runs if the transaction rolls back. */
	static void rollback(Runnable action) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status == STATUS_ROLLED_BACK) {
					action.run();
				}
			}
		});
	}

}
