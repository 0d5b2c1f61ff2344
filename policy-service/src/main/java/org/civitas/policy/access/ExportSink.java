package org.civitas.policy.access;

import org.civitas.contract.reading.GovernedReading;

/** Where an export goes: told how many readings follow, then given them one by one. */
public interface ExportSink {

  /** Called once, after the export is audited and before the first reading. */
  void begin(long recordCount);

  void write(GovernedReading reading);
}
