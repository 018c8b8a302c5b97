package dev.ponder.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Service;

import dev.ponder.problem.ErrorCode;
import dev.ponder.upstream.KeyInfo;
import dev.ponder.upstream.UpstreamClient;
import dev.ponder.upstream.UpstreamClients;
import dev.ponder.upstream.UpstreamException;

/**
 * What OpenRouter's {@code GET /key} says about the key, asked at most once a minute:
 * every page shows it in the header.
 */
@Service
public class KeyStatusService {

	private static final Duration FRESH_FOR = Duration.ofMinutes(1);

	/** The settings page waits for the answer: it must come quickly or not at all. */
	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final UpstreamClient openRouter;

	private final CatalogProperties properties;

	private final Clock clock;

	private volatile Cached cached;

	KeyStatusService(UpstreamClients clients, CatalogProperties properties, Clock clock) {
		this.openRouter = clients.openRouter();
		this.properties = properties;
		this.clock = clock;
	}

	public KeyStatus status() {
		Instant now = this.clock.instant();
		Cached last = this.cached;
		if (last != null && now.isBefore(last.at().plus(FRESH_FOR))) {
			return last.status();
		}
		KeyStatus status = ask();
		this.cached = new Cached(status, now);
		return status;
	}

	/**
	 * Forgets the last answer, so that the next call asks again (after an answer cost
	 * credit).
	 */
	public void forget() {
		this.cached = null;
	}

	private KeyStatus ask() {
		if (!this.openRouter.endpoint().hasApiKey()) {
			return KeyStatus.failed(false, ErrorCode.MISSING_KEY.code(),
					new UpstreamException.MissingKey().getMessage());
		}
		try {
			Duration fetchTimeout = this.properties.fetchTimeout();
			KeyInfo key = this.openRouter.key((fetchTimeout.compareTo(TIMEOUT) < 0) ? fetchTimeout : TIMEOUT).block();
			return of(key);
		}
		catch (UpstreamException ex) {
			return KeyStatus.failed(true, ex.errorCode().code(), ex.getMessage());
		}
	}

	private KeyStatus of(KeyInfo key) {
		if (key.limitRemaining() != null && key.limitRemaining().signum() <= 0) {
			return new KeyStatus(true, label(key), key.usage(), key.limit(), key.limitRemaining(), key.isFreeTier(),
					ErrorCode.OUT_OF_CREDITS.code(),
					new UpstreamException.OutOfCredits("the key's limit is used up", this.openRouter.endpoint())
						.getMessage());
		}
		return new KeyStatus(true, label(key), key.usage(), key.limit(), key.limitRemaining(), key.isFreeTier(),
				KeyStatus.OK, null);
	}

	/**
	 * OpenRouter's label is a masked key; should it ever be the key itself, it is not
	 * shown.
	 */
	private String label(KeyInfo key) {
		String label = key.label();
		return (label != null && label.contains(this.openRouter.endpoint().apiKey())) ? "(hidden)" : label;
	}

	private record Cached(KeyStatus status, Instant at) {
	}

}
