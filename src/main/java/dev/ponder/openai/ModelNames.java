package dev.ponder.openai;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.ponder.PonderProperties;
import dev.ponder.catalog.ModelCatalog;
import dev.ponder.upstream.UpstreamClients;

/**
 * Names models as one list for every endpoint, as an OpenAI client shows them: the
 * default endpoint's (OpenRouter's, unless set otherwise) as they are,
 * {@code deepseek/deepseek-r1}; every other endpoint's after its name,
 * {@code ollama/qwen3:8b}. Relays are {@code relay:<thinker>+<answerer>}, presets
 * {@code preset:<name>}.
 */
@Component
class ModelNames {

	static final String RELAY = "relay:";

	static final String PRESET = "preset:";

	private final ModelCatalog catalog;

	private final UpstreamClients clients;

	private final PonderProperties properties;

	ModelNames(ModelCatalog catalog, UpstreamClients clients, PonderProperties properties) {
		this.catalog = catalog;
		this.clients = clients;
		this.properties = properties;
	}

	String defaultEndpoint() {
		return this.properties.defaultEndpoint();
	}

	/** The name of a model of an endpoint. */
	String name(String endpoint, String model) {
		return endpoint.equals(this.properties.defaultEndpoint()) ? model : endpoint + "/" + model;
	}

	/** The name of a relay on an endpoint. */
	String relay(String endpoint, String thinker, String answerer) {
		return RELAY + name(endpoint, thinker) + "+" + name(endpoint, answerer);
	}

	/** What a call's {@code model} asks for. */
	AskedModel parse(String name) {
		if (name.startsWith(PRESET)) {
			String preset = name.substring(PRESET.length()).strip();
			if (preset.isEmpty()) {
				throw OpenAiException.invalid("model", "Name the preset after preset:, e.g. preset:Careful.");
			}
			return new AskedModel.Preset(preset);
		}
		if (name.startsWith(RELAY)) {
			return relay(name.substring(RELAY.length()));
		}
		return one(name);
	}

	private AskedModel.Relay relay(String pair) {
		int plus = pair.indexOf('+');
		if (plus <= 0 || plus == pair.length() - 1) {
			throw OpenAiException.invalid("model",
					"A relay is named relay:<thinker>+<answerer>, e.g. relay:deepseek/deepseek-r1+openai/gpt-4o-mini.");
		}
		AskedModel.One thinker = one(pair.substring(0, plus).strip());
		AskedModel.One answerer = one(pair.substring(plus + 1).strip());
		if (!thinker.endpoint().equals(answerer.endpoint())) {
			throw OpenAiException.invalid("model", "A relay's thinker and answerer are asked on one endpoint: "
					+ thinker.endpoint() + " and " + answerer.endpoint() + " differ.");
		}
		return new AskedModel.Relay(thinker.endpoint(), thinker.model(), answerer.model());
	}

	/**
	 * A name whose first part is another endpoint's is that endpoint's model, unless only
	 * the default endpoint lists it whole: an endpoint may share its name with a maker
	 * whose models OpenRouter lists ({@code deepseek} and {@code deepseek/deepseek-r1}).
	 */
	private AskedModel.One one(String name) {
		String defaultEndpoint = this.properties.defaultEndpoint();
		int slash = name.indexOf('/');
		if (slash > 0 && slash < name.length() - 1) {
			String endpoint = name.substring(0, slash);
			String model = name.substring(slash + 1);
			if (!endpoint.equals(defaultEndpoint) && endpoints().contains(endpoint)) {
				boolean listedThere = this.catalog.find(endpoint, model).isPresent();
				boolean listedWhole = this.catalog.find(defaultEndpoint, name).isPresent();
				return (!listedThere && listedWhole) ? new AskedModel.One(defaultEndpoint, name)
						: new AskedModel.One(endpoint, model);
			}
		}
		return new AskedModel.One(defaultEndpoint, name);
	}

	private List<String> endpoints() {
		return this.clients.names();
	}

}
