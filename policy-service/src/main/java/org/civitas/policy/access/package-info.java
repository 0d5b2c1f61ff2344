/**
 * Data access: decides requests for governed readings under the active policy's access rules
 * (default deny), and records every decision in the audit log before any data is returned.
 */
package org.civitas.policy.access;
