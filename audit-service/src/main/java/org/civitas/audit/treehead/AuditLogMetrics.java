package org.civitas.audit.treehead;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import org.civitas.audit.merkle.MerkleLog;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The log's size and how old its newest signed head is. A head older than a few signing intervals
 * while events arrive means the signer is stuck, which is what operators alert on. Read at scrape
 * time; NaN while the database is away, so a scrape never fails.
 */
@Component
class AuditLogMetrics {

  static final String TREE_SIZE_METER = "civitas.audit.tree.size";
  static final String TREE_HEAD_AGE_METER = "civitas.audit.tree.head.age";

  AuditLogMetrics(
      MerkleLog merkle, JdbcTemplate jdbc, Optional<Clock> clock, MeterRegistry meters) {
    Clock time = clock.orElse(Clock.systemUTC());
    Gauge.builder(TREE_SIZE_METER, merkle, log -> orNaN(() -> (double) log.size()))
        .description("leaves in the audit Merkle log")
        .register(meters);
    Gauge.builder(
            TREE_HEAD_AGE_METER,
            jdbc,
            db ->
                orNaN(
                    () -> {
                      Long newest =
                          db.queryForObject("select max(timestamp_ms) from tree_heads", Long.class);
                      return newest == null ? Double.NaN : (time.millis() - newest) / 1000.0;
                    }))
        .description("seconds since the newest signed tree head")
        .baseUnit("seconds")
        .register(meters);
  }

  private static double orNaN(java.util.function.DoubleSupplier value) {
    try {
      return value.getAsDouble();
    } catch (DataAccessException e) {
      return Double.NaN;
    }
  }
}
