package org.newswire.article.internal;

import org.newswire.NewswireProperties;
import org.newswire.PeriodicJob;
import org.newswire.article.Publishing;

import org.springframework.stereotype.Component;

/**
 * Releases what waits for a time: stories whose embargo lifts and scheduled writethrus.
 * Every node runs it, polling at {@code newswire.release.poll} (250 ms), so a release is
 * at most that late and survives any node going down; each release locks its story's row
 * and reads its state again under the lock, so however many nodes find it due, it happens
 * once. Times come from the portal's clock: tests pin it and call
 * {@link Publishing#releaseDue()} instead of waiting.
 */
@Component
class ReleaseJob extends PeriodicJob {

	private final Publishing publishing;

	ReleaseJob(Publishing publishing, NewswireProperties properties) {
		super("release-job", properties.release().poll());
		this.publishing = publishing;
	}

	@Override
	protected void run() {
		this.publishing.releaseDue();
	}

}
