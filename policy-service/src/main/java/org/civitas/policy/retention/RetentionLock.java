package org.civitas.policy.retention;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One transaction-scoped advisory lock serializes what must not interleave across instances:
 * sweeps, retention recomputations and placing or releasing legal holds. A hold placed while a
 * sweep runs therefore sees the sweep either not started or finished, never half done.
 */
final class RetentionLock {

  private static final long KEY = 0x6369766974617302L;

  /** Waits for the lock; it is released when the surrounding transaction ends. */
  static void acquire(JdbcTemplate jdbc) {
    jdbc.execute("select pg_advisory_xact_lock(" + KEY + ")");
  }

  private RetentionLock() {}
}
