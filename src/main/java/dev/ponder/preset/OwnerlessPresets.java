package dev.ponder.preset;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.ponder.account.AdministratorAvailable;

/**
 * Presets made while accounts were off have no owner, and with accounts on nobody could
 * see them: the first administrator gets them, as they get the conversations. A name the
 * administrator already uses gets " (2)", " (3)"…, since one person's names are unique.
 */
@Component
class OwnerlessPresets {

	private static final Logger logger = LoggerFactory.getLogger(OwnerlessPresets.class);

	private final PresetRepository presets;

	OwnerlessPresets(PresetRepository presets) {
		this.presets = presets;
	}

	@EventListener
	@Transactional
	void handOver(AdministratorAvailable administrator) {
		List<Preset> ownerless = this.presets.findByOwnerIdIsNull();
		if (ownerless.isEmpty()) {
			return;
		}
		Set<String> used = new HashSet<>();
		this.presets.findByOwnerId(administrator.accountId()).forEach((preset) -> used.add(preset.getNameKey()));
		for (Preset preset : ownerless) {
			String name = free(preset.getName(), used);
			used.add(Preset.nameKey(name));
			preset.adoptBy(administrator.accountId(), name);
		}
		this.presets.saveAll(ownerless);
		logger.info("{} preset(s) made with accounts off now belong to the administrator.", ownerless.size());
	}

	/**
	 * The name, or the first of "name (2)", "name (3)"… not used yet, within the limit.
	 */
	private static String free(String name, Set<String> used) {
		String candidate = name;
		for (int n = 2; used.contains(Preset.nameKey(candidate)); n++) {
			String suffix = " (" + n + ")";
			candidate = name.substring(0, Math.min(name.length(), Preset.MAX_NAME_LENGTH - suffix.length())).strip()
					+ suffix;
		}
		return candidate;
	}

}
