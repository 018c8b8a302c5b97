package dev.ponder.conversation;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores an answer's stop sequences as a JSON array: a sequence may hold any character, a
 * line break most often.
 */
@Converter
public class StopSequencesConverter implements AttributeConverter<List<String>, String> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	@Override
	public String convertToDatabaseColumn(List<String> stop) {
		return (stop == null || stop.isEmpty()) ? null : JSON.writeValueAsString(stop);
	}

	@Override
	public List<String> convertToEntityAttribute(String stored) {
		return (stored == null) ? null : JSON.readValue(stored, STRINGS);
	}

}
