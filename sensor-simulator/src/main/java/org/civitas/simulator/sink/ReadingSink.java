package org.civitas.simulator.sink;

import java.util.List;
import org.civitas.contract.reading.Reading;

/** Where simulated readings are delivered. */
public interface ReadingSink extends AutoCloseable {

  /** Whether readings of this vendor's sensors can be delivered (HTTP needs its credentials). */
  boolean serves(String vendorId);

  /** Delivers readings of one vendor's sensors; failures are counted, never thrown. */
  void send(String vendorId, List<Reading> readings);

  SinkStats stats();

  @Override
  void close();
}
