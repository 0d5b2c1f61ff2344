package org.civitas.audit.log;

import java.util.List;

/**
 * Told of every batch of events as it is appended, inside the append transaction: whatever it
 * writes commits or rolls back together with the leaves, so derived figures never drift from the
 * log.
 */
public interface AppendedEvents {

  /** The events just appended, in leaf order; duplicates and dead letters are not included. */
  void appended(List<AppendedEvent> events);
}
