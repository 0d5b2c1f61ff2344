package org.civitas.load.reading;

/**
 * One ingest request body, {@code { "readings": [...] }} (CONTRACT §4.2), ready to send.
 *
 * @param readings how many readings it holds
 */
public record Body(byte[] json, int readings) {}
