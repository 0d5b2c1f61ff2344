package org.civitas.ingest.reading;

/**
 * Kafka did not acknowledge every reading of a request in time, so the request reports nothing as
 * accepted (CONTRACT §4.2): answered as 503. The client retries; readingIds make that safe.
 */
public class RawReadingsUnavailableException extends RuntimeException {
  public RawReadingsUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
