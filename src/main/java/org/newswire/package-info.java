/**
 * Newswire, a news wire portal. Each subpackage is one Spring Modulith module; this root
 * holds only what every module shares: the application, its typed settings
 * ({@link org.newswire.NewswireProperties}), the clock, the public origin of absolute
 * links, the one way dates are written, the one way client text enters a log line and the
 * one way a module registers its metrics ({@link org.newswire.NodeMetrics}).
 */
package org.newswire;
