/** Policies (CONTRACT §6): show the active one, list versions, dry-run a draft, publish. */
package org.civitas.cli.policy;
