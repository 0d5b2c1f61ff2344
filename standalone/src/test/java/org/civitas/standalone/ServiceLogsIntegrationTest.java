package org.civitas.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Personal data never reaches a log: every line every service printed while the platform ran is
 * scanned for the clear identifiers the simulator sent.
 */
class ServiceLogsIntegrationTest {

  @Test
  void noClearIdentifierAppearsInAnyServiceLog() throws IOException {
    Platform platform = RunningPlatform.shared();
    Set<String> identifiers =
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofSeconds(2))
            .until(() -> longIdentifiers(platform), found -> found.size() >= 20);

    Path logs = RunningPlatform.logDirectory();
    List<Path> files;
    try (var listing = Files.list(logs)) {
      files = listing.filter(file -> file.toString().endsWith(".log")).toList();
    }
    assertThat(files).as("captured service logs").isNotEmpty();
    List<String> hits = new ArrayList<>();
    long lines = 0;
    for (Path file : files) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        lines++;
        for (String identifier : identifiers) {
          if (line.contains(identifier)) {
            // name the file and the identifier's kind only: the report must not leak it either
            hits.add(file.getFileName() + " holds a clear identifier");
          }
        }
      }
    }
    assertThat(lines).as("lines captured").isPositive();
    assertThat(hits).isEmpty();
  }

  private static Set<String> longIdentifiers(Platform platform) {
    Set<String> identifiers =
        SimulatedValues.sentInClear(platform, SimulatedValues.IDENTIFYING_ATTRIBUTES, 500);
    // short values would match by accident (a lane number, a count)
    identifiers.removeIf(value -> value.length() < 6);
    return identifiers;
  }
}
