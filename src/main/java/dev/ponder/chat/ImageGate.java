package dev.ponder.chat;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.ponder.attachment.AttachmentView;
import dev.ponder.catalog.CatalogModel;
import dev.ponder.catalog.ModelCatalog;
import dev.ponder.problem.ErrorCode;
import dev.ponder.problem.ProblemException;

/**
 * Refuses images for a model whose endpoint says it cannot read them, before anything is
 * stored, naming models that can. A model the endpoint does not list is let through: the
 * server, not Ponder, then says what it reads.
 */
@Component
class ImageGate {

	private static final int MODELS_NAMED = 5;

	private final ModelCatalog catalog;

	ImageGate(ModelCatalog catalog) {
		this.catalog = catalog;
	}

	/** Refuses the files if there are images and the model is known not to read them. */
	void check(String endpoint, String model, List<AttachmentView> files) {
		if (model == null || files.stream().noneMatch(AttachmentView::isImage)) {
			return;
		}
		boolean blind = this.catalog.find(endpoint, model).map((known) -> !known.readsImages()).orElse(false);
		if (blind) {
			throw new ProblemException(ErrorCode.MODEL_CANNOT_READ_IMAGES, refusal(endpoint, model));
		}
	}

	private String refusal(String endpoint, String model) {
		String seeing = this.catalog.models(new ModelCatalog.ModelFilter(null, false, endpoint))
			.stream()
			.filter((candidate) -> candidate.available() && candidate.inputModalities() != null
					&& candidate.inputModalities().contains("image"))
			.sorted(Comparator.comparing((CatalogModel candidate) -> !candidate.reasoning()))
			.limit(MODELS_NAMED)
			.map(CatalogModel::id)
			.collect(Collectors.joining(", "));
		return seeing.isEmpty() ? model + " cannot read images, and no model of this endpoint is known to."
				: model + " cannot read images. Models that can: " + seeing + ".";
	}

}
