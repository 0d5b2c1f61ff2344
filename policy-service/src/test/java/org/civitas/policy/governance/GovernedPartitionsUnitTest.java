package org.civitas.policy.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.civitas.policy.governance.GovernedPartitions.Partition;
import org.junit.jupiter.api.Test;

class GovernedPartitionsUnitTest {

  @Test
  void aPartitionHoldsOneUtcDayOfExpiries() {
    Partition partition = GovernedPartitions.partitionOf(LocalDate.parse("2026-11-26"));

    assertThat(partition.name()).isEqualTo("governed_readings_p20261126");
    assertThat(partition.lowerBound()).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
    assertThat(partition.upperBound()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
    assertThat(GovernedPartitions.dayOf(Instant.parse("2026-11-26T23:59:59.999999Z")))
        .isEqualTo(LocalDate.parse("2026-11-26"));
  }

  @Test
  void aPartitionIsEntirelyExpiredOnceItsUpperBoundHasPassed() {
    Partition partition = GovernedPartitions.partitionOf(LocalDate.parse("2026-11-26"));

    assertThat(partition.entirelyExpiredAt(Instant.parse("2026-11-26T23:59:59Z"))).isFalse();
    assertThat(partition.entirelyExpiredAt(Instant.parse("2026-11-27T00:00:00Z"))).isTrue();
  }

  @Test
  void onlyNamesOfDayPartitionsHaveADay() {
    assertThat(GovernedPartitions.dayOfName("governed_readings_p20261126"))
        .contains(LocalDate.parse("2026-11-26"));
    assertThat(GovernedPartitions.dayOfName("governed_readings_default")).isEmpty();
    assertThat(GovernedPartitions.dayOfName("governed_readings_p20261126_category_idx")).isEmpty();
  }
}
