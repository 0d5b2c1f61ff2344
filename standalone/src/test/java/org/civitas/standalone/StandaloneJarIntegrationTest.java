package org.civitas.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.civitas.infra.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command ends in {@code java -jar standalone/target/standalone.jar}: that very
 * jar, started as its own process, must bring the platform up and stop it cleanly on SIGTERM (what
 * Ctrl-C sends through the shell).
 */
class StandaloneJarIntegrationTest {

  @TempDir Path data;

  @Test
  void theStandaloneJarStartsThePlatformAndStopsItCleanly() throws Exception {
    int gatewayPort = FreePorts.next();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(
        RunningPlatform.repositoryRoot().resolve("standalone/target/standalone.jar").toString());
    command.add("--data-dir=" + data.resolve("platform"));
    command.add("--simulator=false");
    command.add("--gateway-port=" + gatewayPort);
    for (String port : List.of("kafka", "postgres", "ingest", "policy", "audit", "auth")) {
      command.add("--" + port + "-port=" + FreePorts.next());
    }
    Path output = data.resolve("standalone.out");
    Process process =
        new ProcessBuilder(command)
            .directory(RunningPlatform.repositoryRoot().toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      await()
          .atMost(Duration.ofMinutes(4))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> Files.readString(output, StandardCharsets.UTF_8).contains("Civitas is up"));
      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://localhost:" + gatewayPort + "/actuator/health"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(Files.readString(output)).contains("city-it", "http://localhost:" + gatewayPort);
    } finally {
      process.destroy();
      boolean ended = process.waitFor(90, TimeUnit.SECONDS);
      if (!ended) {
        process.destroyForcibly();
      }
      assertThat(ended).as("the launcher ends within 90 s of SIGTERM").isTrue();
    }
    assertThat(Files.readString(output)).contains("Civitas stopped");
  }
}
