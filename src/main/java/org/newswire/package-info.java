/**
 * Newswire, a news wire portal. Each subpackage is one Spring Modulith module; this root
 * holds only what every module shares: the application, its typed settings
 * ({@link org.newswire.NewswireProperties}), the clock, the public origin of absolute
 * links and the one way dates are written.
 */
package org.newswire;
