/** The sensor registry: which sensors exist, who runs them, what they collect and why. */
package org.civitas.policy.registry;
