package org.civitas.load.e2e;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.civitas.contract.ContractJson;
import org.civitas.load.baseline.BaselineOptions;
import org.civitas.load.baseline.KafkaBaseline;
import org.civitas.load.cli.Arguments;
import org.civitas.load.cli.Durations;
import org.civitas.load.cli.UsageException;
import org.civitas.load.ingest.ClientCredentials;
import org.civitas.load.ingest.IngestLoad;
import org.civitas.load.ingest.IngestOptions;
import org.civitas.load.reading.SensorTarget;
import org.civitas.load.run.LatencyHistogram;
import org.civitas.load.run.RunPlan;
import org.civitas.load.run.RunSummary;
import org.civitas.load.run.Settling;
import org.civitas.load.run.SetupException;

/**
 * {@code load-tool e2e}: the raw Kafka producer baseline, then steady ingest load through the
 * gateway while {@link PlatformMonitor} samples governed rows, audit appends and per-process CPU
 * and memory, and {@link LatencyProbe} measures how long a reading takes to become queryable.
 */
public final class EndToEnd {

  public static final List<String> OPTIONS;

  private static final Duration DEFAULT_DURATION = Duration.ofSeconds(60);

  /** How long the probe must have kept up before a paced run's warm-up ends. */
  private static final Duration DEFAULT_SETTLE = Duration.ofSeconds(30);

  /** The latency target (docs/performance.md): a probe slower than this has not kept up. */
  private static final Duration DEFAULT_SETTLE_WITHIN = Duration.ofSeconds(2);

  private static final Duration DEFAULT_WARMUP_MAX = Duration.ofMinutes(5);

  static {
    List<String> options = new ArrayList<>(IngestOptions.OPTIONS);
    options.addAll(BaselineOptions.PRODUCER_OPTIONS);
    options.remove("categories");
    options.addAll(
        List.of(
            "bootstrap",
            "baseline-duration",
            "staff-client-id",
            "staff-client-secret",
            "policy-metrics",
            "repository",
            "postgres-port",
            "probe-interval",
            "probe-poll",
            "policy-group",
            "probe-partition",
            "settle",
            "settle-within",
            "warmup-max",
            "drain"));
    OPTIONS = List.copyOf(options);
  }

  /** Read when {@code --staff-client-secret} is not given. */
  public static final String STAFF_SECRET_VARIABLE = "CIVITAS_STAFF_CLIENT_SECRET";

  private final Arguments arguments;
  private final Map<String, String> environment;
  private final PrintStream log;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  public EndToEnd(Arguments arguments, Map<String, String> environment, PrintStream log) {
    arguments.allowOnly(OPTIONS);
    this.arguments = arguments;
    this.environment = environment;
    this.log = log;
  }

  public EndToEndSummary run() throws InterruptedException {
    RunPlan plan = RunPlan.from(arguments, DEFAULT_DURATION);
    IngestOptions ingestOptions = IngestOptions.from(arguments, environment, plan);
    String staffSecret =
        arguments.text("staff-client-secret").orElse(environment.get(STAFF_SECRET_VARIABLE));
    if (staffSecret == null) {
      throw new UsageException(
          "missing --staff-client-secret=<secret> (or set "
              + STAFF_SECRET_VARIABLE
              + "); the demo staff client is city-it / city-it-secret");
    }
    ClientCredentials staff =
        new ClientCredentials(
            http,
            ingestOptions.tokenUrl(),
            arguments.text("staff-client-id", "city-it"),
            staffSecret,
            null,
            Clock.systemUTC());
    ClientCredentials vendor =
        new ClientCredentials(
            http,
            ingestOptions.tokenUrl(),
            ingestOptions.clientId(),
            ingestOptions.clientSecret(),
            ingestOptions.scope(),
            Clock.systemUTC());
    URI gateway = ingestOptions.gateway();
    List<URI> policyMetrics = new ArrayList<>();
    for (String url :
        arguments.list(
            "policy-metrics",
            "http://localhost:8082/actuator/metrics/civitas.governance.readings.stored")) {
      policyMetrics.add(URI.create(url));
    }
    ProcessSampler processes =
        new ProcessSampler(
            Path.of("/proc"),
            Path.of(arguments.text("repository", ".")),
            arguments.integer("postgres-port", 5432, 1, 65535));

    String bootstrap = arguments.text("bootstrap", "127.0.0.1:9092");
    String policyGroup = arguments.text("policy-group", "policy-service");
    String probePartition = arguments.text("probe-partition", "busiest");
    if (!probePartition.matches("busiest|random|[0-9]{1,4}")) {
      throw new UsageException(
          "--probe-partition must be busiest, random or a partition number, not " + probePartition);
    }
    IngestLoad ingest = new IngestLoad(ingestOptions, log);
    List<SensorTarget> sensors = ingest.sensors();
    List<String> loadSensorIds = sensors.stream().map(SensorTarget::sensorId).toList();
    String probeSensor =
        registerProbeSensor(
            gateway,
            staff,
            vendor,
            probeSensorId(bootstrap, policyGroup, probePartition, loadSensorIds));
    LatencyProbe probe =
        new LatencyProbe(
            http,
            gateway,
            vendor,
            staff,
            probeSensor,
            arguments.duration("probe-interval", Duration.ofMillis(250), Duration.ofMillis(10)),
            arguments.duration("probe-poll", Duration.ofMillis(200), Duration.ofMillis(10)),
            settleWithin());
    awaitProbeSensorKnown(probe);

    RunSummary baseline = null;
    if (!bootstrap.equalsIgnoreCase("none")) {
      RunPlan baselinePlan = RunPlan.from(arguments, "baseline-duration", Duration.ofSeconds(20));
      baseline =
          new KafkaBaseline(
                  BaselineOptions.from(arguments, "bootstrap", baselinePlan, sensors), log)
              .run();
    }

    Settling settling = settling(plan, probe);
    Duration settleWindow = settleWindow(plan);
    double loadBefore = loadAverage();
    PlatformMonitor monitor = new PlatformMonitor(http, gateway, policyMetrics, processes);
    monitor.start();
    probe.start();
    RunSummary ingested = ingest.run(sensors, settling);
    long windowEnd = System.nanoTime();
    long windowStart = windowEnd - (long) (ingested.elapsedSeconds() * 1e9);
    // read after the load, when the group has long settled on its assignment
    ProbePlacement placement =
        bootstrap.equalsIgnoreCase("none")
            ? null
            : ProbePlacement.read(bootstrap, policyGroup, probeSensor, loadSensorIds).orElse(null);
    probe.stop(Duration.ofSeconds(30));
    double drainSeconds =
        awaitDrained(monitor, windowEnd, arguments.duration("drain", Duration.ofSeconds(60)));
    monitor.stop();
    double loadAfter = loadAverage();
    decommission(gateway, staff, probeSensor);

    return summarize(
        warmup(plan, settleWindow, ingested),
        ingested,
        baseline,
        monitor.samples(),
        windowStart,
        windowEnd,
        probe,
        placement,
        drainSeconds,
        loadBefore,
        loadAfter);
  }

  /**
   * A paced run warms up until the probe has kept up for {@code --settle} (30 s): on a platform
   * just started, the JITs compile for minutes and a fixed warm-up can end with a backlog the
   * platform then carries through the measured time (docs/performance.md, Session 8). An unpaced
   * run has no steady state to wait for (governance falls behind by design), so it warms up for
   * {@code --warmup} unless {@code --settle} is given.
   */
  private Settling settling(RunPlan plan, LatencyProbe probe) {
    Duration window = settleWindow(plan);
    if (window.isZero()) {
      return new Settling(() -> true, plan.warmup(), probe::measure);
    }
    Duration longest = arguments.duration("warmup-max", DEFAULT_WARMUP_MAX, Duration.ZERO);
    if (longest.compareTo(plan.warmup()) < 0) {
      throw new UsageException(
          "--warmup-max ("
              + Durations.format(longest)
              + ") is shorter than --warmup ("
              + Durations.format(plan.warmup())
              + ")");
    }
    return new Settling(() -> probe.settled(window), longest, probe::measure);
  }

  private Duration settleWindow(RunPlan plan) {
    return arguments.duration(
        "settle", plan.paced() ? DEFAULT_SETTLE : Duration.ZERO, Duration.ZERO);
  }

  private Duration settleWithin() {
    return arguments.duration("settle-within", DEFAULT_SETTLE_WITHIN, Duration.ofMillis(1));
  }

  private EndToEndSummary.Warmup warmup(RunPlan plan, Duration settleWindow, RunSummary ingested) {
    Object seconds = ingested.details().get("warmupSeconds");
    Object settled = ingested.details().get("settled");
    return new EndToEndSummary.Warmup(
        seconds instanceof Number n ? n.doubleValue() : plan.warmup().toMillis() / 1000.0,
        plan.warmup().toMillis() / 1000.0,
        settleWindow.toMillis() / 1000.0,
        settleWithin().toMillis(),
        !(settled instanceof Boolean b) || b);
  }

  private EndToEndSummary summarize(
      EndToEndSummary.Warmup warmup,
      RunSummary ingested,
      RunSummary baseline,
      List<PlatformMonitor.Sample> samples,
      long windowStart,
      long windowEnd,
      LatencyProbe probe,
      ProbePlacement placement,
      double drainSeconds,
      double loadBefore,
      double loadAfter) {
    PlatformMonitor.Sample first = nearest(samples, windowStart);
    PlatformMonitor.Sample last = nearest(samples, windowEnd);
    double seconds = (last.nanos() - first.nanos()) / 1e9;
    double governedPerSecond =
        first.governedRows() < 0 || last.governedRows() < 0 || seconds <= 0
            ? -1
            : (last.governedRows() - first.governedRows()) / seconds;
    double auditPerSecond =
        first.treeSize() < 0 || last.treeSize() < 0 || seconds <= 0
            ? -1
            : (last.treeSize() - first.treeSize()) / seconds;
    Map<String, EndToEndSummary.ProcessFigures> processes = new LinkedHashMap<>();
    for (String name : ProcessSampler.ordered(last.processes())) {
      ProcessSampler.Usage end = last.processes().get(name);
      ProcessSampler.Usage start = first.processes().get(name);
      long maxRss = 0;
      long maxPss = 0;
      for (PlatformMonitor.Sample sample : samples) {
        ProcessSampler.Usage usage = sample.processes().get(name);
        if (usage != null) {
          maxRss = Math.max(maxRss, usage.rssBytes());
          maxPss = Math.max(maxPss, usage.pssBytes());
        }
      }
      double cpu =
          start == null || seconds <= 0 ? -1 : (end.cpuSeconds() - start.cpuSeconds()) / seconds;
      processes.put(
          name,
          new EndToEndSummary.ProcessFigures(end.processes(), round(cpu * 100, 1), maxRss, maxPss));
    }
    long platformMaxPss = 0;
    for (PlatformMonitor.Sample sample : samples) {
      long platform =
          sample.processes().entrySet().stream()
              .filter(e -> !e.getKey().equals("load-tool"))
              .mapToLong(e -> e.getValue().pssBytes())
              .sum();
      platformMaxPss = Math.max(platformMaxPss, platform);
    }
    LatencyHistogram latency = probe.latency();
    double ratio =
        baseline == null || baseline.acceptedPerSecond() <= 0
            ? 0
            : ingested.acceptedPerSecond() / baseline.acceptedPerSecond();
    return new EndToEndSummary(
        Instant.now().toString(),
        ingested.target(),
        ingested.settings(),
        warmup,
        round(seconds, 1),
        ingested.acceptedPerSecond(),
        round(governedPerSecond, 1),
        latency.count(),
        probe.notSeen(),
        latency.count() == 0 ? -1 : latency.percentileMicros(50) / 1000.0,
        latency.count() == 0 ? -1 : latency.percentileMicros(99) / 1000.0,
        latency.count() == 0 ? -1 : latency.maxMicros() / 1000.0,
        placement,
        round(auditPerSecond, 1),
        round(drainSeconds, 1),
        baseline == null ? -1 : baseline.acceptedPerSecond(),
        round(ratio, 4),
        processes,
        platformMaxPss,
        loadBefore,
        loadAfter,
        ingested,
        baseline);
  }

  private static PlatformMonitor.Sample nearest(List<PlatformMonitor.Sample> samples, long nanos) {
    PlatformMonitor.Sample best = samples.get(0);
    for (PlatformMonitor.Sample sample : samples) {
      if (Math.abs(sample.nanos() - nanos) < Math.abs(best.nanos() - nanos)) {
        best = sample;
      }
    }
    return best;
  }

  /**
   * How long after the load ended ({@code loadEnded}) the governed-row counter last grew; waits
   * until it has stopped growing, at most {@code max} from now, and -1 if it did not. The monitor's
   * samples of the time in between (the probe's grace) count, so the figure does not include it.
   */
  private static double awaitDrained(PlatformMonitor monitor, long loadEnded, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    double previous = -2;
    int flat = 0;
    while (System.nanoTime() < deadline) {
      double now = monitor.sampleNow().governedRows();
      if (now == previous) {
        flat++;
        if (flat >= 3) {
          return lastGrowth(monitor.samples(), loadEnded, now);
        }
      } else {
        flat = 0;
        previous = now;
      }
      LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
    }
    return -1;
  }

  /**
   * Seconds from {@code loadEnded} to the first sample that had reached {@code finalCount} (0 if
   * that was before); until now if no sample had.
   */
  static double lastGrowth(
      List<PlatformMonitor.Sample> samples, long loadEnded, double finalCount) {
    long reached = System.nanoTime();
    for (PlatformMonitor.Sample sample : samples) {
      if (sample.governedRows() >= finalCount) {
        reached = Math.min(reached, sample.nanos());
      }
    }
    return Math.max(0, reached - loadEnded) / 1e9;
  }

  /**
   * The probe's sensorId, chosen so that Kafka puts its readings on the wanted raw-topic partition:
   * by default the busiest one, so that the latency measured is the worst the load makes and does
   * not depend on where a random id happens to land (docs/performance.md, Sessions 5 and 6).
   */
  private String probeSensorId(
      String bootstrap, String group, String wanted, List<String> loadSensors) {
    String prefix = "probe-e2e-";
    RandomGenerator random = ThreadLocalRandom.current();
    if (wanted.equals("random") || bootstrap.equalsIgnoreCase("none")) {
      return ProbePlacement.sensorIdOn(-1, 1, prefix, random);
    }
    Optional<ProbePlacement.Topology> topology = ProbePlacement.topology(bootstrap, group);
    if (topology.isEmpty()) {
      log.printf("e2e: the raw topic's partitions are unknown; the probe goes to a random one%n");
      return ProbePlacement.sensorIdOn(-1, 1, prefix, random);
    }
    int partitions = topology.get().partitions();
    int partition =
        wanted.equals("busiest")
            ? ProbePlacement.busiestPartition(loadSensors, topology.get())
            : Integer.parseInt(wanted);
    if (partition >= partitions) {
      throw new UsageException(
          "--probe-partition=" + wanted + " but the raw topic has " + partitions + " partitions");
    }
    return ProbePlacement.sensorIdOn(partition, partitions, prefix, random);
  }

  private String registerProbeSensor(
      URI gateway, ClientCredentials staff, ClientCredentials vendor, String sensorId) {
    String vendorId =
        arguments
            .text("vendor")
            .orElseGet(() -> ClientCredentials.vendorId(vendor.bearer()).orElse("acme"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sensorId", sensorId);
    body.put("vendorId", vendorId);
    body.put("type", "benchmark-probe");
    body.put("categories", List.of(LatencyProbe.CATEGORY));
    body.put("purposes", List.of(LatencyProbe.PURPOSE));
    body.put("location", Map.of("lat", 43.6532, "lon", -79.3832));
    body.put("jurisdiction", "CA-ON");
    body.put("processingLocations", List.of("CA"));
    body.put("legalBasis", "benchmark of the platform itself; no personal data");
    body.put("accountableOrganization", "City IT");
    body.put("contact", "it@city.example");
    body.put("description", "Latency probe of load-tool e2e; decommissioned when the run ends");
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(gateway.resolve("/api/v1/sensors"))
                .header("Authorization", "Bearer " + staff.bearer())
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        ContractJson.mapper().writeValueAsBytes(body)))
                .build());
    if (response.statusCode() != 201) {
      throw new SetupException(
          "registering the probe sensor answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    log.printf("e2e: probe sensor %s registered for vendor %s%n", sensorId, vendorId);
    return sensorId;
  }

  /** The registration reaches ingest-service through the registry topic. */
  private void awaitProbeSensorKnown(LatencyProbe probe) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!probe.accepted()) {
      if (System.nanoTime() > deadline) {
        throw new SetupException("ingest did not accept the probe sensor within 60 s");
      }
      LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
    }
  }

  private void decommission(URI gateway, ClientCredentials staff, String sensorId) {
    send(
        HttpRequest.newBuilder(gateway.resolve("/api/v1/sensors/" + sensorId))
            .header("Authorization", "Bearer " + staff.bearer())
            .DELETE()
            .build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new SetupException(
          request.method() + " " + request.uri() + " failed (" + e.getClass().getSimpleName() + ")",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SetupException("interrupted", e);
    }
  }

  private static double loadAverage() {
    return round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 2);
  }

  static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }

  static String describe(EndToEndSummary.Warmup w) {
    if (w.settleSeconds() <= 0) {
      return String.format(Locale.ROOT, "%.0f s", w.seconds());
    }
    String keptUp =
        String.format(
            Locale.ROOT,
            "every probe reading queryable within %,.0f ms for %.0f s",
            w.settleWithinMillis(),
            w.settleSeconds());
    return w.settled()
        ? String.format(
            Locale.ROOT,
            "%.0f s (at least %.0f s, then until %s)",
            w.seconds(),
            w.minimumSeconds(),
            keptUp)
        : String.format(
            Locale.ROOT,
            "%.0f s, --warmup-max: NOT SETTLED (never %s), the window may carry a backlog",
            w.seconds(),
            keptUp);
  }

  /** The human-readable report. */
  public static String render(EndToEndSummary s) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "== e2e: %s, %.0f s measured, load average %.2f -> %.2f ==%n",
            s.target(),
            s.windowSeconds(),
            s.loadAverageBefore(),
            s.loadAverageAfter()));
    out.append(String.format(Locale.ROOT, "  %-34s %s%n", "warm-up", describe(s.warmup())));
    out.append(
        String.format(
            Locale.ROOT,
            "  %-34s %,12.1f /s%n",
            "accepted readings (gateway, 202)",
            s.acceptedPerSecond()));
    out.append(
        String.format(
            Locale.ROOT,
            "  %-34s %,12.1f /s   (%s)%n",
            "governed rows stored",
            s.governedRowsPerSecond(),
            s.drainSeconds() < 0
                ? "still growing when --drain ran out after the load"
                : String.format(
                    Locale.ROOT, "caught up %.1f s after the load ended", s.drainSeconds())));
    if (s.probes() == 0) {
      // no percentile of nothing: -1 ms read like a measurement
      out.append(
          String.format(
              Locale.ROOT,
              "  %-34s none of %d probes became queryable during the run%n",
              "ingest -> queryable",
              s.probesNotSeen()));
    } else {
      out.append(
          String.format(
              Locale.ROOT,
              "  %-34s p50 %,.0f ms  p99 %,.0f ms  max %,.0f ms  (%d probes, %d not seen)%n",
              "ingest -> queryable",
              s.queryableP50Millis(),
              s.queryableP99Millis(),
              s.queryableMaxMillis(),
              s.probes(),
              s.probesNotSeen()));
    }
    if (s.probePlacement() != null) {
      ProbePlacement p = s.probePlacement();
      out.append(
          String.format(
              Locale.ROOT,
              "  %-34s partition %d of %d, shared with %d of the %d load sensors%s%n",
              "probe's raw-topic partition",
              p.partition(),
              p.partitions(),
              p.loadSensorsThere(),
              p.loadSensors(),
              p.consumerPartitions().isEmpty()
                  ? ""
                  : String.format(
                      Locale.ROOT,
                      "; its consumer takes partitions %s (%d of the %d load sensors)",
                      p.consumerPartitions().stream()
                          .map(String::valueOf)
                          .collect(Collectors.joining(", ")),
                      p.loadSensorsOnConsumer(),
                      p.loadSensors())));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "  %-34s %,12.1f /s%n",
            "audit appends (tree size)",
            s.auditAppendsPerSecond()));
    if (s.baselinePerSecond() >= 0) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %-34s %,12.1f /s   ingest/raw = %.3f (%.1f %%)%n",
              "raw Kafka producer baseline",
              s.baselinePerSecond(),
              s.ingestToBaselineRatio(),
              s.ingestToBaselineRatio() * 100));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "  %-22s %5s %12s %12s %12s%n",
            "process",
            "procs",
            "CPU % (1 core=100)",
            "max RSS MiB",
            "max PSS MiB"));
    s.processes()
        .forEach(
            (name, p) ->
                out.append(
                    String.format(
                        Locale.ROOT,
                        "  %-22s %5d %12.1f %12.0f %12.0f%n",
                        name,
                        p.processes(),
                        p.cpuPercent(),
                        p.maxRssBytes() / 1048576.0,
                        p.maxPssBytes() / 1048576.0)));
    out.append(
        String.format(
            Locale.ROOT,
            "  %-34s %,12.0f MiB (PSS, every process but this tool, largest at one moment)%n",
            "platform memory",
            s.platformMaxPssBytes() / 1048576.0));
    return out.toString();
  }
}
