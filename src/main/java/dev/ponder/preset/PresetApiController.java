package dev.ponder.preset;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Presets through the API: list, make, change, delete. */
@RestController
@RequestMapping("/api/presets")
class PresetApiController {

	private final PresetService presets;

	PresetApiController(PresetService presets) {
		this.presets = presets;
	}

	@GetMapping
	List<PresetView> list() {
		return this.presets.list();
	}

	@GetMapping("/{id}")
	PresetView get(@PathVariable UUID id) {
		return this.presets.usable(id);
	}

	@PostMapping
	ResponseEntity<PresetView> create(@Valid @RequestBody PresetDraft draft) {
		PresetView created = this.presets.create(draft);
		return ResponseEntity.created(URI.create("/api/presets/" + created.id())).body(created);
	}

	@PatchMapping("/{id}")
	PresetView update(@PathVariable UUID id, @Valid @RequestBody PresetDraft draft) {
		return this.presets.update(id, draft);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		this.presets.delete(id);
		return ResponseEntity.noContent().build();
	}

}
