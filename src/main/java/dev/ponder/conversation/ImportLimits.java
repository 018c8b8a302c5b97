package dev.ponder.conversation;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What one import may hold (docs/api.md lists these), and the bounds the database puts on
 * each stored field (the column sizes of db/migration V1, V3 and V4): a file past any of
 * them is refused whole with a sentence naming the field, never half stored or a 500.
 */
final class ImportLimits {

	/** Conversations in one file. */
	static final int CONVERSATIONS = 10_000;

	/**
	 * Messages in one conversation; no branch can be deeper than that, and ordering them
	 * stays linear in their number.
	 */
	static final int MESSAGES_PER_CONVERSATION = 10_000;

	/** Characters of one message's content, and of its reasoning. */
	static final int TEXT_LENGTH = 10_000_000;

	/** {@code VARCHAR(200)}: model, provider, generation id and the thinker's. */
	static final int NAME_LENGTH = 200;

	/** {@code VARCHAR(32)}: the reasoning setting. */
	static final int REASONING_SETTING_LENGTH = 32;

	/** {@code VARCHAR(64)}: finish reasons and error codes. */
	static final int CODE_LENGTH = 64;

	/** {@code VARCHAR(2000)}: an error's message. */
	static final int ERROR_MESSAGE_LENGTH = 2000;

	/** {@code NUMERIC(20, 10)}: a cost has ten digits before the point and ten after. */
	static final int COST_SCALE = 10;

	static final BigDecimal COST_CEILING = BigDecimal.TEN.pow(10);

	/**
	 * Instants both databases store ({@code TIMESTAMP WITH TIME ZONE}): PostgreSQL's
	 * range is narrower than Java's, so the years 1 to 9999.
	 */
	static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

	private ImportLimits() {
	}

}
