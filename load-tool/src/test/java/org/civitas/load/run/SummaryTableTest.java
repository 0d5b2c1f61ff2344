package org.civitas.load.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

  private static RunSummary ingestSummary() {
    RunRecorder recorder = new RunRecorder();
    for (int i = 0; i < 9; i++) {
      recorder.record(
          Outcome.answered("202", 100_000_000L, 499, 0, 1, List.of("sensor_not_owned")),
          500,
          140_000,
          i);
    }
    recorder.record(
        Outcome.refused("429", 2_000_000L, "429 Too many requests", Duration.ofSeconds(1)),
        500,
        140_000,
        10);
    recorder.record(Outcome.unanswered("connect_error", "cannot connect", null), 500, 140_000, 11);
    return RunSummary.of(
        "ingest",
        "http://localhost:8080/api/v1/ingest/readings",
        Map.of("batch", 500),
        new RunResult(recorder, 2.0, "2026-11-26T10:00:00Z", 5.0, true),
        Map.of());
  }

  @Test
  void summaryCountsRatesAndLatencyOfAnsweredRequestsOnly() {
    RunSummary summary = ingestSummary();

    assertThat(summary.requests()).isEqualTo(11);
    assertThat(summary.failedRequests()).isEqualTo(2);
    assertThat(summary.readingsSent()).isEqualTo(5500);
    assertThat(summary.accepted()).isEqualTo(9 * 499);
    assertThat(summary.rejected()).isEqualTo(9);
    assertThat(summary.acceptedPerSecond()).isEqualTo(9 * 499 / 2.0);
    assertThat(summary.requestsPerSecond()).isEqualTo(5.5);
    assertThat(summary.statusCounts())
        .containsExactlyInAnyOrderEntriesOf(Map.of("202", 9L, "429", 1L, "connect_error", 1L));
    assertThat(summary.rejectionCodes()).containsEntry("sensor_not_owned", 9L);
    assertThat(summary.latencyMillis().count()).isEqualTo(10);
    assertThat(summary.latencyMillis().p50()).isBetween(99.0, 101.0);
    assertThat(summary.latencyMillis().max()).isEqualTo(100.0);
    assertThat(summary.bytesSent()).isEqualTo(11 * 140_000L);
  }

  @Test
  void tableShowsEveryFigureAPersonLooksFor() {
    String table = SummaryTable.render(ingestSummary());

    assertThat(table)
        .contains("== ingest: http://localhost:8080/api/v1/ingest/readings ==")
        .contains("2,245.5 readings accepted/s")
        .contains("5.50 requests/s")
        .contains("sent 5,500   accepted 4,491   duplicates 0   rejected 9")
        .contains("HTTP status        202=9  429=1  connect_error=1")
        .contains("rejections         sensor_not_owned=9")
        .contains("problems           429 Too many requests=1  cannot connect=1")
        .contains("p50 100.0")
        .contains("p99 100.0")
        .contains("1.5 MiB");
  }
}
