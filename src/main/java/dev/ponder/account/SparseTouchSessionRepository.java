package dev.ponder.account;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Stored sessions whose last-access time is written at most once a minute. Spring Session
 * sets that time on every request that reads the session, and a JDBC session whose time
 * changed is written back at the end of the request: one UPDATE per page and per API
 * call, for nothing but the time. Here a request that changes nothing else writes
 * nothing. The price: a session may expire up to a minute before its idle timeout.
 *
 * @param <S> the sessions of the repository underneath
 */
final class SparseTouchSessionRepository<S extends Session>
		implements FindByIndexNameSessionRepository<SparseTouchSessionRepository.Touched<S>> {

	static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

	private final FindByIndexNameSessionRepository<S> stored;

	SparseTouchSessionRepository(FindByIndexNameSessionRepository<S> stored) {
		this.stored = stored;
	}

	@Override
	public Touched<S> createSession() {
		return new Touched<>(this.stored.createSession());
	}

	@Override
	public void save(Touched<S> session) {
		this.stored.save(session.stored);
	}

	@Override
	public @Nullable Touched<S> findById(String id) {
		S session = this.stored.findById(id);
		return (session != null) ? new Touched<>(session) : null;
	}

	@Override
	public void deleteById(String id) {
		this.stored.deleteById(id);
	}

	@Override
	public Map<String, Touched<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, Touched<S>> found = new LinkedHashMap<>();
		this.stored.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> found.put(id, new Touched<>(session)));
		return found;
	}

	/** A stored session that passes on only last-access times a minute or more later. */
	static final class Touched<S extends Session> implements Session {

		private final S stored;

		private Touched(S stored) {
			this.stored = stored;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (!lastAccessedTime.isBefore(this.stored.getLastAccessedTime().plus(TOUCH_EVERY))) {
				this.stored.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.stored.getLastAccessedTime();
		}

		@Override
		public String getId() {
			return this.stored.getId();
		}

		@Override
		public String changeSessionId() {
			return this.stored.changeSessionId();
		}

		@Override
		public <T> @Nullable T getAttribute(String attributeName) {
			return this.stored.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.stored.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, @Nullable Object attributeValue) {
			this.stored.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.stored.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.stored.getCreationTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.stored.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.stored.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.stored.isExpired();
		}

	}

}
