package org.civitas.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadToolTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    return LoadTool.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        env);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpPrintsUsageAndSucceeds() {
    assertThat(run(Map.of(), "help")).isEqualTo(LoadTool.OK);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("ingest", "kafka-baseline", "compare", "--concurrency=8");
  }

  @Test
  void noCommandIsAUsageError() {
    assertThat(run(Map.of())).isEqualTo(LoadTool.USAGE);
  }

  @Test
  void unknownCommandIsNamed() {
    assertThat(run(Map.of(), "ingets")).isEqualTo(LoadTool.USAGE);
    assertThat(err()).contains("unknown command 'ingets'");
  }

  @Test
  void ingestWithoutSecretSaysWhereToPutIt() {
    assertThat(run(Map.of(), "ingest", "--client-id=vendor-acme")).isEqualTo(LoadTool.USAGE);
    assertThat(err()).contains("missing --client-secret=<secret> (or set CIVITAS_CLIENT_SECRET)");
  }

  @Test
  void ingestOptionsAreCheckedBeforeAnythingIsContacted() {
    assertThat(
            run(
                Map.of("CIVITAS_CLIENT_SECRET", "s"),
                "ingest",
                "--batch=5001",
                "--gateway=http://127.0.0.1:1"))
        .isEqualTo(LoadTool.USAGE);
    assertThat(err()).contains("--batch must be between 1 and 5000, was 5001");
  }

  @Test
  void baselineRefusesIngestOnlyOptions() {
    assertThat(run(Map.of(), "kafka-baseline", "--gateway=http://localhost:8080"))
        .isEqualTo(LoadTool.USAGE);
    assertThat(err()).contains("unknown option --gateway for 'kafka-baseline'");
  }

  @Test
  void baselineRefusesAnUnknownCompression() {
    assertThat(run(Map.of(), "kafka-baseline", "--compression=brotli")).isEqualTo(LoadTool.USAGE);
    assertThat(err()).contains("--compression must be one of none, gzip, snappy, lz4, zstd");
  }

  @Test
  void unreachableTokenEndpointFailsWithAClearMessage() {
    int status =
        run(
            Map.of(),
            "ingest",
            "--client-secret=s",
            "--token-url=http://127.0.0.1:1/oauth2/token",
            "--sensors=cam-01:licence_plate");

    assertThat(status).isEqualTo(LoadTool.FAILED);
    assertThat(err())
        .contains("cannot reach the token endpoint http://127.0.0.1:1/oauth2/token")
        .doesNotContain("Exception in thread");
  }
}
