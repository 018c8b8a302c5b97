package dev.ponder.chat;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.ponder.PonderProperties;
import dev.ponder.attachment.AttachmentService;
import dev.ponder.attachment.AttachmentView;
import dev.ponder.catalog.CatalogModel;
import dev.ponder.catalog.ModelCatalog;
import dev.ponder.conversation.AnswerParameters;
import dev.ponder.conversation.AnswerSpec;
import dev.ponder.format.Sizes;
import dev.ponder.limits.PlannedAnswer;
import dev.ponder.problem.ErrorCode;
import dev.ponder.problem.ProblemException;
import dev.ponder.upstream.UpstreamClients;
import dev.ponder.upstream.UpstreamException;

/**
 * Decides, before anything is stored, how an answer is asked for: on which endpoint, of
 * which model, thinking how hard, with which of the parameters asked (those the model
 * takes), and whether the question's files can go to it. What it refuses is refused
 * before the question is kept, so the person keeps their text in the composer.
 */
@Component
class AnswerSetup {

	private final UpstreamClients clients;

	private final PonderProperties properties;

	private final ModelCatalog catalog;

	private final AttachmentService attachments;

	private final ImageGate imageGate;

	AnswerSetup(UpstreamClients clients, PonderProperties properties, ModelCatalog catalog,
			AttachmentService attachments, ImageGate imageGate) {
		this.clients = clients;
		this.properties = properties;
		this.catalog = catalog;
		this.attachments = attachments;
		this.imageGate = imageGate;
	}

	/** A model that will read the question's files: an answerer, or a relay's thinker. */
	record FileReader(String endpoint, String model, RelayOptions relay) {
	}

	/**
	 * The files a new question of this conversation carries, once known to be the
	 * person's, not too many nor too large together, and readable by every model that
	 * will be sent them.
	 */
	List<AttachmentView> checkFiles(UUID conversationId, List<UUID> attachmentIds, List<FileReader> readers) {
		List<AttachmentView> files = this.attachments.sendable(conversationId, attachmentIds);
		checkNewFiles(files, readers);
		return files;
	}

	/**
	 * Refuses files, kept or only described, that come to more than the files budget
	 * together, or that a model will be sent and cannot read.
	 */
	void checkNewFiles(List<AttachmentView> files, List<FileReader> readers) {
		long total = UpstreamMessages.totalSize(files);
		if (total > UpstreamMessages.FILES_BUDGET) {
			throw new ProblemException(ErrorCode.ATTACHMENT_TOO_LARGE, "These files come to " + Sizes.inWords(total)
					+ " together; a message may carry up to " + Sizes.inWords(UpstreamMessages.FILES_BUDGET) + ".");
		}
		checkReaders(files, readers);
	}

	/** Refuses images to any of these models known not to read them. */
	void checkReaders(List<AttachmentView> files, List<FileReader> readers) {
		for (FileReader reader : readers) {
			this.imageGate.check(reader.endpoint(), reader.model(), files);
			if (reader.relay() != null) {
				this.imageGate.check(reader.endpoint(), reader.relay().thinker(), files);
			}
		}
	}

	/** The files an earlier question carried, for a model about to be asked it again. */
	void checkStoredFiles(UUID questionId, List<FileReader> readers) {
		checkReaders(this.attachments.byMessage(List.of(questionId)).getOrDefault(questionId, List.of()), readers);
	}

	/**
	 * What is stored of the request: for a relay, the effort is the thinker's; of the
	 * parameters, those the model takes, so that the answer says what it was sent.
	 */
	AnswerSpec spec(String model, ReasoningOptions reasoning, RelayOptions relay, String endpoint,
			AnswerParameters parameters) {
		String defaultEffort = this.properties.defaultEffort();
		AnswerParameters taken = (parameters != null) ? parameters.only(taken(endpoint, model)) : null;
		return (relay != null) ? new AnswerSpec(model, relay.thinkerReasoning().setting(defaultEffort), relay.thinker(),
				endpoint, taken) : new AnswerSpec(model, reasoning.setting(defaultEffort), null, endpoint, taken);
	}

	/**
	 * The answer as the spending limits reckon its cost: its models and the budgets
	 * asked.
	 */
	static PlannedAnswer plan(String endpoint, String model, ReasoningOptions reasoning, RelayOptions relay,
			AnswerParameters parameters) {
		Integer maxTokens = (parameters != null) ? parameters.maxTokens() : null;
		if (relay != null) {
			return new PlannedAnswer(endpoint, model, maxTokens, null, relay.thinker(),
					relay.thinkerReasoning().maxTokens());
		}
		return PlannedAnswer.of(endpoint, model, maxTokens, reasoning.maxTokens());
	}

	/** The parameters a model takes, by wire name; all of them for a model not listed. */
	List<String> taken(String endpoint, String model) {
		return this.catalog.find(endpoint, model)
			.map(CatalogModel::parameters)
			.orElse(CatalogModel.SAMPLING_PARAMETERS);
	}

	/**
	 * The endpoint to send to (the default one when none is named), once it is known to
	 * exist and to have the key it needs.
	 */
	String endpoint(String requested) {
		String endpoint = blankToNull(requested);
		String name = (endpoint != null) ? endpoint : this.properties.defaultEndpoint();
		if (!this.clients.client(name).isConfigured()) {
			throw new UpstreamException.MissingKey();
		}
		return name;
	}

	/**
	 * The default model belongs to the default endpoint: another endpoint must be told
	 * which of its models to use.
	 */
	String model(String requested, String endpoint) {
		String model = blankToNull(requested);
		if (model != null) {
			return model;
		}
		if (!endpoint.equals(this.properties.defaultEndpoint())) {
			throw new MissingModelException(endpoint);
		}
		return this.properties.defaultModel();
	}

	static ReasoningOptions reasoning(ReasoningOptions requested) {
		return (requested != null) ? requested : new ReasoningOptions(null, null, null);
	}

	static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
