package dev.ponder.catalog;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CachedModelListRepository extends JpaRepository<CachedModelList, String> {

	/** When each stored list was fetched, without reading the lists themselves. */
	List<FetchedAt> findAllProjectedBy();

	/** One stored list's endpoint, base URL and fetch time. */
	interface FetchedAt {

		String getEndpoint();

		String getBaseUrl();

		Instant getFetchedAt();

	}

}
