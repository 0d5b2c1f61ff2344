package org.civitas.load.ingest;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civitas.load.cli.Arguments;
import org.civitas.load.cli.UsageException;
import org.civitas.load.run.RunPlan;

/**
 * Options of the ingest benchmark.
 *
 * @param sensors {@code auto}, or {@code --sensors} entries
 * @param vendor the vendor whose sensors {@code auto} takes; null to read it from the token
 * @param scope OAuth2 scope to ask for; null for the client's default
 * @param timeout longest wait for one answer
 */
public record IngestOptions(
    URI gateway,
    URI tokenUrl,
    String clientId,
    String clientSecret,
    String scope,
    String vendor,
    List<String> sensors,
    Duration timeout,
    RunPlan plan) {

  /**
   * Read when {@code --client-secret} is not given, so the secret need not be on the command line.
   */
  public static final String SECRET_VARIABLE = "CIVITAS_CLIENT_SECRET";

  public static final List<String> OPTIONS;

  static {
    List<String> options =
        new ArrayList<>(
            List.of(
                "gateway",
                "token-url",
                "client-id",
                "client-secret",
                "scope",
                "vendor",
                "sensors",
                "timeout"));
    options.addAll(RunPlan.OPTIONS);
    OPTIONS = List.copyOf(options);
  }

  public static IngestOptions from(Arguments args, Map<String, String> environment, RunPlan plan) {
    String secret = args.text("client-secret").orElse(environment.get(SECRET_VARIABLE));
    if (secret == null || secret.isBlank()) {
      throw new UsageException(
          "missing --client-secret=<secret> (or set "
              + SECRET_VARIABLE
              + "); the demo vendor is --client-id=vendor-acme --client-secret=vendor-acme-secret");
    }
    return new IngestOptions(
        args.httpUrl("gateway", "http://localhost:8080"),
        args.httpUrl("token-url", "http://localhost:9000/oauth2/token"),
        args.text("client-id", "vendor-acme"),
        secret,
        args.text("scope").orElse(null),
        args.text("vendor").orElse(null),
        args.list("sensors", SensorSelection.AUTO),
        args.duration("timeout", Duration.ofSeconds(30), Duration.ofMillis(100)),
        plan);
  }

  boolean autoSensors() {
    return sensors.size() == 1 && sensors.get(0).equalsIgnoreCase(SensorSelection.AUTO);
  }

  @Override
  public String toString() {
    return "IngestOptions[gateway=" + gateway + ", clientId=" + clientId + ", clientSecret=***]";
  }
}
