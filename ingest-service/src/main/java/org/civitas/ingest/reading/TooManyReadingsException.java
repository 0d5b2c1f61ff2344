package org.civitas.ingest.reading;

/** The body holds more readings than one request may carry: answered as 413. */
public class TooManyReadingsException extends RuntimeException {
  public TooManyReadingsException(int limit) {
    super("A request may carry at most " + limit + " readings.");
  }
}
