package dev.ponder.attachment;

/**
 * What a file's bytes say it is.
 *
 * @param contentType its media type, e.g. {@code image/png}, {@code text/x-python}
 * @param kind how it is sent and shown
 */
record SniffedType(String contentType, AttachmentKind kind) {
}
