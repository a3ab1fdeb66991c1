package org.newswire.ticker;

import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream with its own small mailbox. Frames are written by at most one sender
 * thread at a time, so a client whose socket stops draining holds up only itself; the
 * broadcaster drops it once its mailbox overflows or a write hangs.
 */
final class StreamSubscriber {

	private final SseEmitter emitter;

	private final String client;

	private final Executor sender;

	private final int maxQueued;

	private final Consumer<StreamSubscriber> onGone;

	private final Queue<Set<DataWithMediaType>> mailbox = new ConcurrentLinkedQueue<>();

	private final AtomicInteger queued = new AtomicInteger();

	private final AtomicBoolean draining = new AtomicBoolean();

	private final AtomicBoolean completed = new AtomicBoolean();

	private volatile boolean closed;

	/** {@link System#nanoTime()} when the write in progress began, 0 when idle. */
	private volatile long writingSince;

	StreamSubscriber(SseEmitter emitter, String client, Executor sender, int maxQueued,
			Consumer<StreamSubscriber> onGone) {
		this.emitter = emitter;
		this.client = client;
		this.sender = sender;
		this.maxQueued = maxQueued;
		this.onGone = onGone;
	}

	/** The client the stream counts against ({@link StreamClients#of}). */
	String client() {
		return this.client;
	}

	/**
	 * Queues a frame for this client.
	 * @return {@code false} when the client is gone or too far behind to catch up
	 */
	boolean offer(Set<DataWithMediaType> frame) {
		if (this.closed) {
			return false;
		}
		if (this.queued.incrementAndGet() > this.maxQueued) {
			this.queued.decrementAndGet();
			return false;
		}
		this.mailbox.add(frame);
		schedule();
		return true;
	}

	boolean isIdle() {
		return this.queued.get() == 0;
	}

	/**
	 * Whether a single write has been blocked for longer than the given time: the client
	 * stopped reading and its socket buffers are full.
	 */
	boolean isStuck(long nowNanos, long maxWriteNanos) {
		long since = this.writingSince;
		return since != 0 && nowNanos - since > maxWriteNanos;
	}

	/**
	 * Ends the stream from our side. The emitter is completed on the sender thread, after
	 * any write in progress, so the caller never waits on a slow socket.
	 */
	void close() {
		this.closed = true;
		schedule();
	}

	/**
	 * The container ended the request (completion, timeout or network error): nothing
	 * more may be written.
	 */
	void ended() {
		this.closed = true;
		this.completed.set(true);
	}

	private void schedule() {
		if (this.draining.compareAndSet(false, true)) {
			try {
				this.sender.execute(this::drain);
			}
			catch (RejectedExecutionException ex) {
				// Shutting down: the container completes open requests itself.
				this.closed = true;
				this.draining.set(false);
			}
		}
	}

	private void drain() {
		try {
			Set<DataWithMediaType> frame;
			while (!this.closed && (frame = this.mailbox.poll()) != null) {
				this.queued.decrementAndGet();
				write(frame);
			}
			if (this.closed && this.completed.compareAndSet(false, true)) {
				this.mailbox.clear();
				complete();
			}
		}
		finally {
			this.draining.set(false);
		}
		// A frame or a close may have arrived after the loop looked and before the flag
		// was cleared; without this check it would wait for the next broadcast.
		if ((this.closed && !this.completed.get()) || (!this.closed && !this.mailbox.isEmpty())) {
			schedule();
		}
	}

	private void write(Set<DataWithMediaType> frame) {
		this.writingSince = System.nanoTime();
		try {
			this.emitter.send(frame);
		}
		catch (Exception ex) {
			// IOException: the client went away; IllegalStateException: the request
			// already completed. Either way the container has finished the response.
			this.completed.set(true);
			this.closed = true;
			this.onGone.accept(this);
		}
		finally {
			this.writingSince = 0;
		}
	}

	private void complete() {
		try {
			this.emitter.complete();
		}
		catch (Exception ex) {
			// Already completed by the container; nothing left to release.
		}
		this.onGone.accept(this);
	}

}
