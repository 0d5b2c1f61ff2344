package org.civitas.ingest.reading;

/**
 * The sensor registry has not been loaded yet, so an unknown sensor could merely be unseen:
 * answered as 503 rather than rejecting readings that may be valid.
 */
public class RegistryNotReadyException extends RuntimeException {
  public RegistryNotReadyException() {
    super("The sensor registry is still loading.");
  }
}
