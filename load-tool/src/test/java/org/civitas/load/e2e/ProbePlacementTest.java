package org.civitas.load.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbePlacementTest {

  /** The demo vendor acme's sensors, which `load-tool e2e` loads by default. */
  static final List<String> ACME =
      List.of(
          "cam-king-st-01",
          "cam-queen-st-02",
          "meter-st-lawrence-01",
          "ped-king-bay-01",
          "traffic-spadina-dundas-01",
          "wifi-yonge-dundas-01");

  @Test
  void sensorsGoToThePartitionsOfKafkasDefaultPartitioner() {
    // Kafka's default partitioner for keyed records: murmur2 of the key bytes, made positive,
    // modulo the partitions (not String.hashCode); these sensors on the 6-partition raw topic
    assertThat(ACME.stream().map(sensor -> ProbePlacement.partitionOf(sensor, 6)))
        .containsExactly(0, 4, 3, 4, 5, 0);
  }

  @Test
  void aProbeCountsTheLoadSensorsOnItsPartitionAndOnItsConsumer() {
    Map<String, List<Integer>> threeConsumers =
        Map.of("c0", List.of(0, 1), "c1", List.of(2, 3), "c2", List.of(5, 4));

    ProbePlacement busy = ProbePlacement.of("probe-e2e-4e95afbc", ACME, 6, threeConsumers);
    ProbePlacement alone = ProbePlacement.of("probe-e2e-a5e8f9b4", ACME, 6, threeConsumers);
    ProbePlacement unknownGroup = ProbePlacement.of("probe-e2e-4e95afbc", ACME, 6, Map.of());

    assertThat(busy).isEqualTo(new ProbePlacement(5, 6, 1, List.of(4, 5), 3, 6));
    assertThat(alone).isEqualTo(new ProbePlacement(2, 6, 0, List.of(2, 3), 1, 6));
    assertThat(unknownGroup).isEqualTo(new ProbePlacement(5, 6, 1, List.of(), 0, 6));
  }
}
