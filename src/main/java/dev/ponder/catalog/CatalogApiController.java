package dev.ponder.catalog;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API of models, endpoints and the key: what the picker, the settings page and
 * the header read.
 */
@RestController
@RequestMapping("/api")
class CatalogApiController {

	private final ModelCatalog catalog;

	private final KeyStatusService keys;

	CatalogApiController(ModelCatalog catalog, KeyStatusService keys) {
		this.catalog = catalog;
		this.keys = keys;
	}

	@GetMapping("/models")
	Models models(@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean reasoning,
			@RequestParam(required = false) String endpoint) {
		ModelCatalog.ModelFilter filter = new ModelCatalog.ModelFilter(q, reasoning,
				(endpoint == null || endpoint.isBlank()) ? null : endpoint);
		return new Models(this.catalog.models(filter), this.catalog.isStale());
	}

	/** Asks every endpoint for its models now; answers with how each check went. */
	@PostMapping("/models/refresh")
	List<EndpointStatus> refresh() {
		this.catalog.refresh();
		return this.catalog.endpoints();
	}

	@GetMapping("/endpoints")
	List<EndpointStatus> endpoints() {
		return this.catalog.endpoints();
	}

	@GetMapping("/key")
	KeyStatus key() {
		return this.keys.status();
	}

	/**
	 * The model list.
	 *
	 * @param models the models that pass the filter
	 * @param stale whether some endpoint's list is not from its last check (it failed, or
	 * has not happened yet)
	 */
	record Models(List<CatalogModel> models, boolean stale) {
	}

}
