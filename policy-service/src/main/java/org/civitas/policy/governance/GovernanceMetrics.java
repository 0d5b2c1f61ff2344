package org.civitas.policy.governance;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.civitas.contract.reading.QuarantinedReading;
import org.springframework.stereotype.Component;

/**
 * What governance did, in counts: governed rows stored and readings quarantined by reason. Reasons
 * are the fixed refusal codes, never anything taken from a reading.
 */
@Component
class GovernanceMetrics {

  static final String STORED_METER = "civitas.governance.readings.stored";
  static final String QUARANTINED_METER = "civitas.governance.readings.quarantined";

  private final MeterRegistry meters;
  private final Counter stored;

  GovernanceMetrics(MeterRegistry meters) {
    this.meters = meters;
    this.stored = meters.counter(STORED_METER);
  }

  void committed(int storedCount, List<QuarantinedReading> quarantined) {
    stored.increment(storedCount);
    for (QuarantinedReading refused : quarantined) {
      meters.counter(QUARANTINED_METER, "reason", String.valueOf(refused.reason())).increment();
    }
  }
}
