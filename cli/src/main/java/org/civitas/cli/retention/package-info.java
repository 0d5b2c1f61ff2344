/** Retention (CONTRACT §9): run a sweep of expired readings now. */
package org.civitas.cli.retention;
