/**
 * Governed ingestion and the governed store: raw readings consumed from Kafka, minimized under the
 * active policy, stored idempotently and republished as governed readings; refusals quarantined.
 */
package org.civitas.policy.governance;
