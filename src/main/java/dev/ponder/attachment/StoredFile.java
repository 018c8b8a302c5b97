package dev.ponder.attachment;

/** A file as stored and its bytes, to serve. */
public record StoredFile(AttachmentView file, byte[] bytes) {
}
