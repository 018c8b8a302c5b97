package dev.ponder.upstream;

import reactor.core.publisher.Flux;

/**
 * Watches every chat completion stream as it goes by, without changing it. The client
 * calls it where each upstream call is made, so that whoever watches (the metrics) sees
 * every call once: a relay's thinker and answerer apart, a compare's columns apart, and
 * never reasoning reused from storage.
 */
public interface StreamObserver {

	/**
	 * {@code stream} as it is, watched from each subscription on; subscribing sends the
	 * request.
	 * @param endpoint the name of the endpoint called
	 * @param model the model asked for
	 * @param stream the events of the call, ending with its usage or its
	 * {@link UpstreamException}
	 * @return the same events
	 */
	Flux<UpstreamEvent> observe(String endpoint, String model, Flux<UpstreamEvent> stream);

}
