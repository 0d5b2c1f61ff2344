/**
 * The append-only audit log: consumes audit events from Kafka, canonicalizes them (RFC 8785),
 * appends them as Merkle leaves in consumption order and dead-letters what cannot be logged.
 */
package org.civitas.audit.log;
