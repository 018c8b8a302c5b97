package dev.ponder.attachment;

import org.springframework.util.unit.DataSize;

/**
 * The limits on files every page is told, and nothing else of
 * {@link AttachmentProperties} (not where the files are kept).
 *
 * @param maxSize the largest file
 * @param maxFiles the most files one question takes
 */
public record AttachmentLimits(DataSize maxSize, int maxFiles) {
}
