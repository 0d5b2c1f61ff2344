package org.civitas.load.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.civitas.contract.ContractJson;
import org.civitas.load.reading.Body;
import org.civitas.load.reading.Payloads;
import org.civitas.load.reading.ReadingGenerator;
import org.civitas.load.reading.SensorTarget;
import org.civitas.load.run.LoadRun;
import org.civitas.load.run.RunResult;
import org.civitas.load.run.RunSummary;
import org.civitas.load.run.Settling;
import org.civitas.load.run.SetupException;
import tools.jackson.core.JacksonException;

/**
 * The ingest benchmark: resolves the vendor's sensors, then keeps {@code concurrency} batches of
 * fresh readings in flight against {@code POST /api/v1/ingest/readings} through the gateway.
 */
public final class IngestLoad {

  static final String REGISTRY_PATH = "/api/v1/public/registry";
  private static final int TEMPLATES = 4096;

  private final IngestOptions options;
  private final PrintStream log;
  private final HttpClient http;
  private final ClientCredentials tokens;

  public IngestLoad(IngestOptions options, PrintStream log) {
    this.options = options;
    this.log = log;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.tokens =
        new ClientCredentials(
            http,
            options.tokenUrl(),
            options.clientId(),
            options.clientSecret(),
            options.scope(),
            Clock.systemUTC());
  }

  /**
   * The sensors readings will be generated for; asks the token endpoint and, when needed, the
   * public registry.
   *
   * @throws SetupException when they cannot be determined
   */
  public List<SensorTarget> sensors() {
    String token = tokens.bearer();
    if (options.autoSensors()) {
      String vendor =
          options.vendor() != null
              ? options.vendor()
              : ClientCredentials.vendorId(token)
                  .orElseThrow(
                      () ->
                          new SetupException(
                              "the token of "
                                  + options.clientId()
                                  + " carries no vendor_id claim; give --vendor=<vendorId> or"
                                  + " --sensors=id:category,..."));
      return SensorSelection.ownedBy(vendor, registry());
    }
    List<SensorSelection.Entry> entries = SensorSelection.parseList(options.sensors());
    return SensorSelection.resolve(entries, SensorSelection.complete(entries) ? null : registry());
  }

  /** Runs the load for the given sensors (normally {@link #sensors()}). */
  public RunSummary run(List<SensorTarget> sensors) throws InterruptedException {
    return run(sensors, null);
  }

  /**
   * Runs the load for the given sensors, warming up until {@code settling} says the platform has
   * settled (null: for the plan's warm-up).
   */
  public RunSummary run(List<SensorTarget> sensors, Settling settling) throws InterruptedException {
    tokens.bearer();
    IngestRequests requests =
        new IngestRequests(http, options.gateway(), tokens, options.timeout());
    Payloads payloads =
        new Payloads(
            new ReadingGenerator(sensors, new SplittableRandom()),
            TEMPLATES,
            new SplittableRandom(new SecureRandom().nextLong()),
            Clock.systemUTC());
    int batch = options.plan().batch();
    log.printf(
        "ingest: %d sensor(s) %s -> %s, batch %d, concurrency %d, warm-up %ds%s, measuring %ds%n",
        sensors.size(),
        categories(sensors),
        requests.endpoint(),
        batch,
        options.plan().concurrency(),
        options.plan().warmup().toSeconds(),
        settling == null || settling.longest().compareTo(options.plan().warmup()) <= 0
            ? ""
            : " and until the platform has settled, at most "
                + settling.longest().toSeconds()
                + "s",
        options.plan().duration().toSeconds());
    RunResult result =
        new LoadRun<Body>(
                options.plan(),
                () -> payloads.body(batch),
                Body::readings,
                body -> body.json().length,
                requests,
                log)
            .settling(settling)
            .run();
    Map<String, Object> settings = new LinkedHashMap<>(options.plan().describe());
    settings.put("clientId", options.clientId());
    settings.put("sensors", sensors.size());
    settings.put("timeout", options.timeout().toSeconds() + "s");
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("categories", String.join(",", categories(sensors)));
    if (settling != null) {
      details.put("warmupSeconds", Math.round(result.warmupSeconds() * 10) / 10.0);
      details.put("settled", result.settled());
    }
    return RunSummary.of("ingest", requests.endpoint().toString(), settings, result, details);
  }

  private List<SensorSelection.RegisteredSensor> registry() {
    URI uri = URI.create(options.gateway() + REGISTRY_PATH);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(15))
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new SetupException(
          "cannot read the public registry at "
              + uri
              + " ("
              + e.getClass().getSimpleName()
              + "); is the gateway running? Or name sensors with --sensors=id:category,...",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SetupException("interrupted while reading the registry", e);
    }
    if (response.statusCode() != 200) {
      throw new SetupException(
          "GET "
              + uri
              + " answered "
              + response.statusCode()
              + "; name sensors with --sensors=id:category,... instead of auto");
    }
    try {
      return SensorSelection.parseRegistry(ContractJson.mapper().readTree(response.body()));
    } catch (JacksonException e) {
      throw new SetupException("the public registry at " + uri + " is not JSON", e);
    }
  }

  private static TreeSet<String> categories(List<SensorTarget> sensors) {
    TreeSet<String> categories = new TreeSet<>();
    sensors.forEach(sensor -> categories.addAll(sensor.categories()));
    return categories;
  }
}
