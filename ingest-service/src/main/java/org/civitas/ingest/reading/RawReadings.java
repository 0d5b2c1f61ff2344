package org.civitas.ingest.reading;

import java.util.List;

/** Where accepted readings go: the raw topic, written durably (acks=all) before returning. */
public interface RawReadings {

  /**
   * Writes every reading and waits until all are acknowledged.
   *
   * @throws RawReadingsUnavailableException when any of them is not acknowledged in time
   */
  void publishAll(List<ValidReading> readings);
}
