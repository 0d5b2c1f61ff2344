/**
 * The audit log (CONTRACT §7): the signed tree head, event listings, and {@code audit verify},
 * which delegates to a {@link org.civitas.cli.audit.LogVerification} plugged into the build.
 */
package org.civitas.cli.audit;
