package dev.ponder.attachment;

/**
 * A file that came inside a request rather than as an upload: a {@code data:} URL in a
 * call to the OpenAI-compatible API.
 *
 * @param name the name it goes by, as given or made up from its type
 * @param bytes what it holds
 */
public record SentFile(String name, byte[] bytes) {
}
