package dev.ponder.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * How an answer's events travel between instances: one line per event, its number, its
 * name and its JSON ({@code 17 reasoning {"text":"…"}}), several lines to a batch. JSON
 * written by Jackson holds no raw line break, so a line is always one event.
 */
@Component
class SharedEvents {

	private static final Map<String, Class<? extends GenerationEvent>> TYPES = Map.of("start",
			GenerationEvent.Start.class, "stage", GenerationEvent.Stage.class, "reasoning",
			GenerationEvent.Reasoning.class, "content", GenerationEvent.Content.class, "snapshot",
			GenerationEvent.Snapshot.class, "retrying", GenerationEvent.Retrying.class, "done",
			GenerationEvent.Done.class, "error", GenerationEvent.Error.class);

	private final JsonMapper jsonMapper;

	SharedEvents(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	String write(List<AnswerEvent> events) {
		StringBuilder batch = new StringBuilder();
		for (AnswerEvent event : events) {
			if (!batch.isEmpty()) {
				batch.append('\n');
			}
			batch.append(event.sequence())
				.append(' ')
				.append(event.name())
				.append(' ')
				.append(event.json(this.jsonMapper));
		}
		return batch.toString();
	}

	List<AnswerEvent> read(String batch) {
		List<AnswerEvent> events = new ArrayList<>();
		for (String line : batch.split("\n")) {
			int afterNumber = line.indexOf(' ');
			int afterName = line.indexOf(' ', afterNumber + 1);
			Class<? extends GenerationEvent> type = TYPES.get(line.substring(afterNumber + 1, afterName));
			if (type == null) {
				throw new IllegalArgumentException("Not an answer's event: " + line);
			}
			events.add(new AnswerEvent(Long.parseLong(line.substring(0, afterNumber)),
					this.jsonMapper.readValue(line.substring(afterName + 1), type)));
		}
		return events;
	}

}
