package dev.ponder.testing;

import java.time.Duration;

/** One thing a streamed {@link Script} does, in order. */
sealed interface Step permits Step.Write, Step.Pause, Step.Wait, Step.Drop {

	/** Writes the text and flushes it at once, as one HTTP chunk. */
	record Write(String text) implements Step {
	}

	/** Sends nothing for a while. */
	record Pause(Duration duration) implements Step {
	}

	/** Sends nothing until the gate opens. */
	record Wait(Gate gate) implements Step {
	}

	/** Closes the connection without finishing the chunked body. */
	record Drop() implements Step {
	}

}
