package org.civitas.load.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndToEndRenderTest {

  private static final EndToEndSummary.Warmup FIXED_WARMUP =
      new EndToEndSummary.Warmup(60, 60, 0, 2000, true);

  @Test
  void aFixedWarmUpIsPrintedAsItsLength() {
    assertThat(EndToEnd.render(summary(1, 0, 1, 1, 1))).contains("warm-up").contains(" 60 s\n");
  }

  @Test
  void aSettledWarmUpSaysWhatItWaitedFor() {
    String report =
        EndToEnd.render(
            summary(1, 0, 1, 1, 1, null, new EndToEndSummary.Warmup(152.4, 60, 30, 2000, true)));

    assertThat(report)
        .contains(
            "152 s (at least 60 s, then until every probe reading queryable within 2,000 ms"
                + " for 30 s)")
        .doesNotContain("NOT SETTLED");
  }

  @Test
  void aWarmUpThatNeverSettledIsFlagged() {
    String report =
        EndToEnd.render(
            summary(1, 0, 1, 1, 1, null, new EndToEndSummary.Warmup(300, 60, 30, 2000, false)));

    assertThat(report).contains("300 s, --warmup-max: NOT SETTLED").contains("backlog");
  }

  @Test
  void aRunWhereNoProbeBecameQueryableSaysSoInsteadOfPrintingPercentiles() {
    String report = EndToEnd.render(summary(0, 158, -1, -1, -1));

    assertThat(report)
        .contains("none of 158 probes became queryable during the run")
        .doesNotContain("-1 ms");
  }

  @Test
  void seenProbesArePrintedAsPercentiles() {
    String report = EndToEnd.render(summary(239, 0, 319, 905, 1047));

    assertThat(report).contains("p50 319 ms  p99 905 ms  max 1,047 ms  (239 probes, 0 not seen)");
  }

  @Test
  void theProbesPartitionAndTheLoadSensorsSharingItArePrinted() {
    String report =
        EndToEnd.render(
            summary(159, 0, 406, 897, 930, new ProbePlacement(5, 6, 1, List.of(4, 5), 3, 6)));

    assertThat(report)
        .contains(
            "partition 5 of 6, shared with 1 of the 6 load sensors;"
                + " its consumer takes partitions 4, 5 (3 of the 6 load sensors)");
  }

  @Test
  void withoutTheGroupsAssignmentOnlyThePartitionIsPrinted() {
    String report =
        EndToEnd.render(
            summary(159, 0, 406, 897, 930, new ProbePlacement(5, 6, 1, List.of(), 0, 6)));

    assertThat(report)
        .contains("partition 5 of 6, shared with 1 of the 6 load sensors")
        .doesNotContain("its consumer");
  }

  @Test
  void withoutAPlacementThereIsNoPartitionLine() {
    assertThat(EndToEnd.render(summary(159, 0, 406, 897, 930, null)))
        .doesNotContain("raw-topic partition");
  }

  private static EndToEndSummary summary(
      long probes, long notSeen, double p50, double p99, double max) {
    return summary(probes, notSeen, p50, p99, max, null);
  }

  private static EndToEndSummary summary(
      long probes, long notSeen, double p50, double p99, double max, ProbePlacement placement) {
    return summary(probes, notSeen, p50, p99, max, placement, FIXED_WARMUP);
  }

  private static EndToEndSummary summary(
      long probes,
      long notSeen,
      double p50,
      double p99,
      double max,
      ProbePlacement placement,
      EndToEndSummary.Warmup warmup) {
    return new EndToEndSummary(
        "2026-11-27T03:00:00Z",
        "http://localhost:8080/api/v1/ingest/readings",
        Map.of(),
        warmup,
        40,
        37_142.4,
        6_172.4,
        probes,
        notSeen,
        p50,
        p99,
        max,
        placement,
        9.0,
        -1,
        431_142.3,
        0.086,
        Map.of("api-gateway", new EndToEndSummary.ProcessFigures(1, 30.8, 301 << 20, 281 << 20)),
        1_855L << 20,
        4.36,
        7.03,
        null,
        null);
  }
}
