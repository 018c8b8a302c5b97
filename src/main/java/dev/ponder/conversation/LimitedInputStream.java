package dev.ponder.conversation;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * A body read no further than its limit: the byte after the last one allowed throws, so
 * that a file of any size costs at most the limit to refuse.
 */
final class LimitedInputStream extends FilterInputStream {

	private final Supplier<RuntimeException> tooLarge;

	private long remaining;

	LimitedInputStream(InputStream in, long limit, Supplier<RuntimeException> tooLarge) {
		super(in);
		this.remaining = limit;
		this.tooLarge = tooLarge;
	}

	@Override
	public int read() throws IOException {
		int read = super.read();
		count((read < 0) ? -1 : 1);
		return read;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		// One byte more than the limit allows, so that going past it shows.
		int read = super.read(buffer, offset, (int) Math.min(length, this.remaining + 1));
		count(read);
		return read;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = super.skip(Math.min(n, this.remaining + 1));
		count(skipped);
		return skipped;
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	private void count(long read) {
		if (read > 0) {
			this.remaining -= read;
			if (this.remaining < 0) {
				throw this.tooLarge.get();
			}
		}
	}

}
