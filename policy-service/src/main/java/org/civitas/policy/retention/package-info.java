/**
 * Retention and legal holds: the sweep that drops expired partitions and deletes expired rows of
 * the governed store (never held ones), legal holds, retention changes of new policy versions, and
 * the raw topic's retention.
 */
package org.civitas.policy.retention;
