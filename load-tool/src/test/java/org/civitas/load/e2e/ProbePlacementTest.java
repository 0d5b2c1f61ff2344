package org.civitas.load.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
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

  @Test
  void theBusiestPartitionIsOnTheConsumerServingMostLoadSensors() {
    // acme on 6 partitions: 0, 0, 3, 4, 4, 5 (see above)
    ProbePlacement.Topology threeConsumers =
        new ProbePlacement.Topology(
            6, Map.of("c0", List.of(0, 1), "c1", List.of(2, 3), "c2", List.of(5, 4)));
    ProbePlacement.Topology sixConsumers =
        new ProbePlacement.Topology(
            6,
            Map.of(
                "c0",
                List.of(0),
                "c1",
                List.of(1),
                "c2",
                List.of(2),
                "c3",
                List.of(3),
                "c4",
                List.of(4),
                "c5",
                List.of(5)));
    ProbePlacement.Topology groupUnknown = new ProbePlacement.Topology(6, Map.of());

    // consumer {4, 5} serves 3 sensors, and partition 4 two of them
    assertThat(ProbePlacement.busiestPartition(ACME, threeConsumers)).isEqualTo(4);
    // partitions 0 and 4 serve two each: the lower one
    assertThat(ProbePlacement.busiestPartition(ACME, sixConsumers)).isZero();
    assertThat(ProbePlacement.busiestPartition(ACME, groupUnknown)).isZero();
    assertThat(
            ProbePlacement.busiestPartition(
                List.of("cam-king-st-01"), new ProbePlacement.Topology(1, Map.of())))
        .isZero();
  }

  @Test
  void aProbeIdIsFoundForEveryPartition() {
    Random random = new Random(42);
    for (int partition = 0; partition < 6; partition++) {
      String sensorId = ProbePlacement.sensorIdOn(partition, 6, "probe-e2e-", random);

      assertThat(sensorId).matches("probe-e2e-[0-9a-f]{8}");
      assertThat(ProbePlacement.partitionOf(sensorId, 6)).isEqualTo(partition);
    }
  }
}
