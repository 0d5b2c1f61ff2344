package org.civitas.audit.log;

import tools.jackson.databind.JsonNode;

/**
 * One event just appended to the log, as observers see it: its leaf, its canonical bytes and the
 * parsed event, which equals what the canonical bytes read back to (canonical form only sorts
 * members and normalizes escapes and integers), so observers need not parse it again.
 */
public record AppendedEvent(long leafIndex, byte[] leafHash, byte[] canonical, JsonNode event) {}
