package org.civitas.policy.minimization;

import org.civitas.contract.reading.GovernedReading;

/** Outcome of minimizing one raw reading. */
public sealed interface MinimizationResult {

  /** The reading as it may be stored and shown. */
  record Governed(GovernedReading reading) implements MinimizationResult {}

  /** The reading may not be stored; nothing of its content is kept. */
  record Refused(RefusalReason reason) implements MinimizationResult {}
}
