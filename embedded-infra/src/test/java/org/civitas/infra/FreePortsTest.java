package org.civitas.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

  @Test
  void portsComeFromBelowTheEphemeralRangeAndAreNeverHandedOutTwice() {
    Set<Integer> ports = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      int port = FreePorts.next();
      assertThat(port).isBetween(15_000, FreePorts.ephemeralStart() - 1);
      assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
    }
  }
}
