package org.civitas.audit.log;

/** One leaf of the log as stored: its index, its leaf hash and the canonical event bytes. */
public record LoggedEvent(long leafIndex, byte[] leafHash, byte[] canonical) {}
