package dev.ponder.preset;

import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.ponder.account.CurrentOwner;
import dev.ponder.account.Owner;
import dev.ponder.catalog.CatalogModel;
import dev.ponder.persistence.Constraints;
import dev.ponder.conversation.ReasoningSetting;
import dev.ponder.problem.ErrorCode;
import dev.ponder.problem.ProblemException;

/**
 * Makes, lists, changes and deletes presets for the person asking. Their own presets are
 * theirs alone (another person's is as unknown as one that never existed); a shared one
 * is seen and used by everyone, and changed only by its owner or an administrator.
 */
@Service
public class PresetService {

	private static final Comparator<Preset> BY_NAME = Comparator.comparing(Preset::getNameKey)
		.thenComparing(Preset::getCreatedAt);

	private final PresetRepository presets;

	private final CurrentOwner owner;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	PresetService(PresetRepository presets, CurrentOwner owner, JsonMapper jsonMapper, Clock clock) {
		this.presets = presets;
		this.owner = owner;
		this.jsonMapper = jsonMapper;
		this.clock = clock;
	}

	/** The person's own presets and the shared ones, by name. */
	@Transactional(readOnly = true)
	public List<PresetView> list() {
		Owner current = this.owner.get();
		List<Preset> visible = current.isEveryone() ? this.presets.findAll()
				: this.presets.findVisibleTo(current.accountId());
		return visible.stream().sorted(BY_NAME).map((preset) -> view(preset, current)).toList();
	}

	/** A preset the person may use: their own or a shared one; else a 404. */
	@Transactional(readOnly = true)
	public PresetView usable(UUID id) {
		Owner current = this.owner.get();
		return view(readable(id, current), current);
	}

	@Transactional
	public PresetView create(PresetDraft draft) {
		Owner current = this.owner.get();
		if (draft.name() == null || draft.name().isBlank()) {
			throw invalid("A preset needs a name.");
		}
		Preset preset = new Preset(current.accountId(), draft.name(), this.clock.instant());
		apply(preset, draft, current);
		return view(store(preset, current), current);
	}

	/** Changes what the draft names; absent fields stay as they are. */
	@Transactional
	public PresetView update(UUID id, PresetDraft draft) {
		Owner current = this.owner.get();
		Preset preset = editable(id, current);
		if (draft.name() != null) {
			if (draft.name().isBlank()) {
				throw invalid("A preset needs a name.");
			}
			preset.rename(draft.name());
		}
		apply(preset, draft, current);
		preset.touch(this.clock.instant());
		return view(store(preset, current), current);
	}

	@Transactional
	public void delete(UUID id) {
		this.presets.delete(editable(id, this.owner.get()));
	}

	private Preset store(Preset preset, Owner current) {
		try {
			// The query flushes a renamed preset first: its name may meet the unique key
			// here already.
			boolean taken = this.presets.findByNameKey(preset.getNameKey())
				.stream()
				.anyMatch((other) -> !other.getId().equals(preset.getId())
						&& Objects.equals(other.getOwnerId(), preset.getOwnerId()));
			if (taken) {
				throw nameTaken(preset.getName());
			}
			return this.presets.saveAndFlush(preset);
		}
		catch (DataIntegrityViolationException ex) {
			// Two requests named two presets alike at once: the unique key (by owner_key,
			// which holds with accounts off too) kept one. Any other violation is a bug,
			// not a name taken.
			if (Constraints.violated(ex, "preset_name_per_owner")) {
				throw nameTaken(preset.getName());
			}
			throw ex;
		}
	}

	private void apply(Preset preset, PresetDraft draft, Owner current) {
		if (draft.shared() != null && draft.shared() != preset.isShared()) {
			if (!isAdministrator(current)) {
				throw new ProblemException(ErrorCode.FORBIDDEN,
						"Only an administrator can share a preset with everyone, or stop sharing it.");
			}
			preset.share(draft.shared());
		}
		if (draft.endpoint() != null) {
			preset.useEndpoint(blankToNull(draft.endpoint()));
		}
		if (draft.model() != null) {
			preset.useModel(blankToNull(draft.model()));
		}
		if (draft.reasoning() != null) {
			preset.reason(checked(draft.reasoning(), "Reasoning"));
		}
		if (draft.systemPrompt() != null) {
			preset.instruct(blankToNull(draft.systemPrompt()));
		}
		if (draft.parameters() != null) {
			preset.sample(draft.parameters());
		}
		if (draft.relay() != null) {
			String thinker = blankToNull(draft.relay().thinker());
			preset.relay(thinker, checked(draft.relay().thinkerReasoning(), "The thinker's reasoning"));
		}
		if (draft.compare() != null) {
			preset.compare(columnsJson(draft.compare()));
		}
	}

	private String columnsJson(List<PresetColumn> columns) {
		if (columns.isEmpty()) {
			return null;
		}
		if (columns.size() < 2) {
			throw invalid("A compare has 2 to 4 columns.");
		}
		List<PresetColumn> checked = columns.stream().map((column) -> {
			PresetRelay relay = (column.relay() != null && blankToNull(column.relay().thinker()) != null)
					? new PresetRelay(column.relay().thinker().strip(),
							PresetReasoning.of(checked(column.relay().thinkerReasoning(), "The thinker's reasoning")))
					: null;
			return new PresetColumn(blankToNull(column.model()), blankToNull(column.endpoint()),
					PresetReasoning.of(checked(column.reasoning(), "Reasoning")), relay);
		}).toList();
		return this.jsonMapper.writeValueAsString(checked);
	}

	private List<PresetColumn> columns(String json) {
		return (json != null) ? Arrays.asList(this.jsonMapper.readValue(json, PresetColumn[].class)) : null;
	}

	/**
	 * A reasoning setting that the composer and the API can send: a known effort, or a
	 * budget, or hidden; {@code {}} is none (the default effort).
	 */
	private static ReasoningSetting checked(PresetReasoning setting, String what) {
		if (setting == null) {
			return null;
		}
		if (Boolean.TRUE.equals(setting.hidden())) {
			return ReasoningSetting.HIDDEN;
		}
		if (setting.effort() != null && setting.maxTokens() != null) {
			throw invalid(what + " takes an effort or maxTokens, not both.");
		}
		if (setting.maxTokens() != null) {
			if (setting.maxTokens() < 1 || setting.maxTokens() > 1_000_000) {
				throw invalid(what + " maxTokens must be between 1 and 1,000,000.");
			}
			return ReasoningSetting.budget(setting.maxTokens());
		}
		if (setting.effort() == null || setting.effort().isBlank()) {
			return null;
		}
		if (!CatalogModel.ALL_EFFORTS.contains(setting.effort())) {
			throw invalid(what + " effort must be one of xhigh, high, medium, low, minimal or none.");
		}
		return ReasoningSetting.effort(setting.effort());
	}

	private Preset readable(UUID id, Owner current) {
		return this.presets.findById(id)
			.filter((preset) -> current.owns(preset.getOwnerId()) || preset.isShared())
			.orElseThrow(() -> notFound(id));
	}

	/**
	 * A preset the person may change: their own, or as an administrator a shared one.
	 * Someone else's shared preset is visible anyway, so refusing it says nothing new.
	 */
	private Preset editable(UUID id, Owner current) {
		Preset preset = readable(id, current);
		if (!mayEdit(preset, current)) {
			throw new ProblemException(ErrorCode.FORBIDDEN,
					"This preset is shared with you: only its owner or an administrator can change or delete it.");
		}
		return preset;
	}

	private static boolean mayEdit(Preset preset, Owner current) {
		return current.owns(preset.getOwnerId()) || (preset.isShared() && isAdministrator(current));
	}

	/** With accounts off, the one person is the administrator. */
	private static boolean isAdministrator(Owner current) {
		return current.isEveryone() || CurrentOwner.principal().map((principal) -> principal.admin()).orElse(false);
	}

	/** Whether the person asking may share presets (the page shows the toggle then). */
	public boolean canShare() {
		return isAdministrator(this.owner.get());
	}

	private PresetView view(Preset preset, Owner current) {
		PresetRelay relay = (preset.getThinkerModel() != null)
				? new PresetRelay(preset.getThinkerModel(), PresetReasoning.of(preset.getThinkerReasoning())) : null;
		return new PresetView(preset.getId(), preset.getName(), preset.isShared(), current.owns(preset.getOwnerId()),
				mayEdit(preset, current), preset.getEndpoint(), preset.getModel(),
				PresetReasoning.of(preset.getReasoningSetting()), preset.getSystemPrompt(), preset.getParameters(),
				relay, columns(preset.getCompareColumns()), preset.getCreatedAt(), preset.getUpdatedAt());
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static ProblemException invalid(String sentence) {
		return new ProblemException(ErrorCode.INVALID_REQUEST, sentence);
	}

	private static ProblemException notFound(UUID id) {
		return new ProblemException(ErrorCode.NOT_FOUND, "No preset with id " + id + ".");
	}

	private static ProblemException nameTaken(String name) {
		return new ProblemException(ErrorCode.PRESET_NAME_TAKEN,
				"There is a preset named \u201c" + name + "\u201d already: choose another name.");
	}

}
