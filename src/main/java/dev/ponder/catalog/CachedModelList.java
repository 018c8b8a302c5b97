package dev.ponder.catalog;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The last good {@code /models} answer of one endpoint, kept as it came, so that a
 * restart with the endpoint down still has its list. Valid only for the base URL it came
 * from.
 */
@Entity
@Table(name = "model_list")
class CachedModelList {

	@Id
	private String endpoint;

	private String baseUrl;

	private String body;

	private Instant fetchedAt;

	protected CachedModelList() {
	}

	CachedModelList(String endpoint, String baseUrl, String body, Instant fetchedAt) {
		this.endpoint = endpoint;
		replace(baseUrl, body, fetchedAt);
	}

	void replace(String baseUrl, String body, Instant fetchedAt) {
		this.baseUrl = baseUrl;
		this.body = body;
		this.fetchedAt = fetchedAt;
	}

	String getEndpoint() {
		return this.endpoint;
	}

	String getBaseUrl() {
		return this.baseUrl;
	}

	String getBody() {
		return this.body;
	}

	Instant getFetchedAt() {
		return this.fetchedAt;
	}

}
