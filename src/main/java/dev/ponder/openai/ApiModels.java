package dev.ponder.openai;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import org.springframework.stereotype.Component;

import dev.ponder.catalog.CatalogModel;
import dev.ponder.catalog.ModelCatalog;
import dev.ponder.catalog.ModelCatalog.ModelFilter;
import dev.ponder.conversation.MessageService;
import dev.ponder.conversation.UsedRelay;
import dev.ponder.preset.PresetService;
import dev.ponder.preset.PresetView;

/**
 * {@code GET /v1/models}: every endpoint's models under one list, then what only Ponder
 * has: the person's presets, and the relays they have asked or saved in a preset, so that
 * a client that offers only what the list holds offers those too. Any other relay can be
 * asked by its name all the same.
 */
@Component
class ApiModels {

	private static final String PONDER = "ponder";

	private final ModelCatalog catalog;

	private final ModelNames names;

	private final PresetService presets;

	private final MessageService messages;

	// OpenAI's list says when each model was made; Ponder's catalog does not know, so
	// every entry carries when this instance started, the same on every call.
	private final long created;

	ApiModels(ModelCatalog catalog, ModelNames names, PresetService presets, MessageService messages, Clock clock) {
		this.catalog = catalog;
		this.names = names;
		this.presets = presets;
		this.messages = messages;
		this.created = clock.instant().getEpochSecond();
	}

	/** A list as OpenAI writes it. */
	record ModelList(String object, List<Model> data) {

		ModelList(List<Model> data) {
			this("list", data);
		}

	}

	/** One model as OpenAI writes it: by whom it is served, here its endpoint. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Model(String id, String object, long created, String ownedBy) {

		Model(String id, long created, String ownedBy) {
			this(id, "model", created, ownedBy);
		}

	}

	ModelList list() {
		Map<String, Model> models = new LinkedHashMap<>();
		for (CatalogModel model : this.catalog.models(ModelFilter.ALL)) {
			String name = this.names.name(model.endpoint(), model.id());
			models.putIfAbsent(name, new Model(name, this.created, model.endpoint()));
		}
		List<UsedRelay> relays = new ArrayList<>(this.messages.relaysUsed());
		for (PresetView preset : this.presets.list()) {
			String name = ModelNames.PRESET + preset.name();
			models.putIfAbsent(name, new Model(name, this.created, PONDER));
			if (preset.relay() != null && preset.relay().thinker() != null && !preset.relay().thinker().isBlank()
					&& preset.model() != null) {
				relays.add(new UsedRelay((preset.endpoint() != null) ? preset.endpoint() : this.names.defaultEndpoint(),
						preset.relay().thinker(), preset.model()));
			}
		}
		for (UsedRelay relay : relays) {
			if (relay.endpoint() != null) {
				String name = this.names.relay(relay.endpoint(), relay.thinker(), relay.answerer());
				models.putIfAbsent(name, new Model(name, this.created, PONDER));
			}
		}
		return new ModelList(List.copyOf(models.values()));
	}

	/** One model of the list, by its name. */
	Optional<Model> find(String id) {
		return list().data().stream().filter((model) -> model.id().equals(id)).findFirst();
	}

}
