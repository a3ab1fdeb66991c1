package org.newswire;

/**
 * Work a node must finish before it answers on its public port: the first admin, demo
 * content, the search catch-up. {@link StartupGate} runs the steps in their
 * {@link org.springframework.core.annotation.Order} before the web server accepts its
 * first connection, so no reader sees an empty home page and the configured admin can
 * sign in from the first request.
 */
public interface StartupStep {

	void run();

	/**
	 * Whether the step writes to the shared database. Such steps run under the start-up
	 * lock, so nodes starting together do them one after another, each finding the work
	 * of those before it done; a step that only builds a node's own state (its search
	 * index) runs outside it.
	 * @return {@code true} unless the step only reads the database
	 */
	default boolean writesSharedData() {
		return true;
	}

}
