package dev.ponder.conversation;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link ReasoningSetting} in its one-string form. */
@Converter
public class ReasoningSettingConverter implements AttributeConverter<ReasoningSetting, String> {

	@Override
	public String convertToDatabaseColumn(ReasoningSetting setting) {
		return (setting != null) ? setting.format() : null;
	}

	@Override
	public ReasoningSetting convertToEntityAttribute(String stored) {
		return ReasoningSetting.parse(stored);
	}

}
