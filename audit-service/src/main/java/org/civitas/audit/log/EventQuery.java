package org.civitas.audit.log;

import java.time.Instant;

/**
 * Filters of the event listing; null means "any". {@code from} is inclusive, {@code to} exclusive,
 * both on the event's {@code occurredAt}.
 */
public record EventQuery(
    Instant from, Instant to, String action, String actor, String purpose, int page, int size) {}
