package org.civitas.load.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlatformMonitorTest {

  @Test
  void readsTheStoredCounterFromOneMeter() {
    String body =
        """
        {"name":"civitas.governance.readings.stored","baseUnit":null,
         "measurements":[{"statistic":"COUNT","value":123456.0}],"availableTags":[]}
        """
            .strip();

    assertThat(PlatformMonitor.storedCount(body)).isEqualTo(123456.0);
  }

  @Test
  void readsTheStoredCounterFromAPrometheusScrape() {
    String body =
        """
        # HELP civitas_governance_readings_stored_total
        # TYPE civitas_governance_readings_stored_total counter
        civitas_governance_readings_stored_total 789.0
        civitas_governance_readings_quarantined_total{reason="sensor_unknown"} 3.0
        """;

    assertThat(PlatformMonitor.storedCount(body)).isEqualTo(789.0);
  }

  @Test
  void aMeterWithoutACountIsMissing() {
    assertThat(PlatformMonitor.storedCount("{\"measurements\":[]}")).isEqualTo(-1);
    assertThat(PlatformMonitor.storedCount("jvm_threads_live 12\n")).isEqualTo(-1);
  }
}
