package org.civitas.ingest.reading;

/**
 * The body as a whole is not a reading, a batch of readings or NDJSON: answered as 400. The message
 * says where the body broke, never what it contained.
 */
public class UnreadableBodyException extends RuntimeException {
  public UnreadableBodyException(String message) {
    super(message);
  }
}
