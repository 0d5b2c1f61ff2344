package org.civitas.audit.log;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One event just appended to the log, as observers see it: its leaf, its canonical bytes and the
 * parsed event, which equals what the canonical bytes read back to (canonical form only sorts
 * members and normalizes escapes and integers), so observers need not parse it again.
 *
 * @param occurredAt the event's {@code occurredAt} when it is an ISO-8601 time with offset in years
 *     1 to 9999, else null (parsed once, by the decoder)
 */
public record AppendedEvent(
    long leafIndex, byte[] leafHash, byte[] canonical, JsonNode event, Instant occurredAt) {}
