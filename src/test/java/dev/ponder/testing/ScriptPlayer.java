package dev.ponder.testing;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Plays one {@link Script} to one HTTP exchange and notices when the client leaves early.
 */
final class ScriptPlayer {

	private final Script script;

	private final HttpServerResponse response;

	private final Runnable onDisconnect;

	// Set once the script ended on its own (finished or dropped):
	// a close after that is no client disconnect.
	private final AtomicBoolean over = new AtomicBoolean();

	private volatile Channel channel;

	ScriptPlayer(Script script, HttpServerResponse response, Runnable onDisconnect) {
		this.script = script;
		this.response = response;
		this.onDisconnect = onDisconnect;
	}

	Mono<Void> play() {
		this.response.withConnection((connection) -> {
			this.channel = connection.channel();
			this.channel.closeFuture().addListener((future) -> clientLeft());
		});
		Mono<Void> reply = Mono.defer(this::reply);
		if (!this.script.headerDelay().isZero()) {
			reply = Mono.delay(this.script.headerDelay()).then(reply);
		}
		return reply.doOnSuccess((done) -> this.over.set(true)).doOnCancel(this::clientLeft);
	}

	private Mono<Void> reply() {
		switch (this.script.kind()) {
			case SILENT:
				return Mono.never();
			case BODY:
				this.response.status(this.script.status());
				this.script.headers().forEach(this.response::header);
				return this.response.sendString(Mono.just(this.script.body())).then();
			default:
				this.response.status(this.script.status())
					.header("Content-Type", "text/event-stream")
					.header("Cache-Control", "no-cache");
				this.script.headers().forEach(this.response::header);
				// then() sends the status and headers at once, as OpenRouter does:
				// a client has them even while the stream waits at a gate.
				return this.response.then().then(Flux.fromIterable(this.script.steps()).concatMap(this::play).then());
		}
	}

	private Mono<Void> play(Step step) {
		if (step instanceof Step.Write write) {
			// One send per write, flushed and done once on the socket, so the next
			// step (a pause, a drop) comes strictly after it. sendObject would be
			// simpler, but Reactor Netty drops its bytes once then() sent the headers.
			return Mono.defer(() -> this.response
				.send(Flux.just(Unpooled.copiedBuffer(write.text(), StandardCharsets.UTF_8)), (buffer) -> true)
				.then());
		}
		if (step instanceof Step.Pause pause) {
			return Mono.delay(pause.duration()).then();
		}
		if (step instanceof Step.Wait wait) {
			return wait.gate().pass();
		}
		return Mono.fromRunnable(this::drop).then(Mono.never());
	}

	// Closing the channel skips the last, empty chunk:
	// the client sees a body that breaks off.
	private void drop() {
		this.over.set(true);
		this.channel.close();
	}

	/**
	 * Ends the script where it is, if it is still playing, as if the provider crashed.
	 */
	void abandon() {
		if (this.over.compareAndSet(false, true) && this.channel != null) {
			this.channel.close();
		}
	}

	private void clientLeft() {
		if (this.over.compareAndSet(false, true)) {
			this.script.markDisconnected();
			this.onDisconnect.run();
		}
	}

}
