package org.civitas.load.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.civitas.contract.ContractJson;
import tools.jackson.databind.JsonNode;

/**
 * Samples the platform once a second while the load runs: governed rows stored so far (the {@code
 * civitas.governance.readings.stored} counter of every policy-service instance, summed), the audit
 * log's tree size (public tree head) and each process's CPU time and memory.
 */
final class PlatformMonitor {

  static final String STORED_METRIC = "civitas_governance_readings_stored_total";

  /** One sample; -1 where the value could not be read. */
  record Sample(
      long nanos,
      double governedRows,
      long treeSize,
      Map<String, ProcessSampler.Usage> processes) {}

  private final HttpClient http;
  private final URI gateway;
  private final List<URI> policyMetrics;
  private final ProcessSampler processes;
  private final List<Sample> samples = new CopyOnWriteArrayList<>();
  private volatile boolean running;
  private Thread thread;

  PlatformMonitor(HttpClient http, URI gateway, List<URI> policyMetrics, ProcessSampler processes) {
    this.http = http;
    this.gateway = gateway;
    this.policyMetrics = List.copyOf(policyMetrics);
    this.processes = processes;
  }

  void start() {
    running = true;
    thread = new Thread(this::run, "platform-monitor");
    thread.setDaemon(true);
    thread.start();
  }

  void stop() throws InterruptedException {
    running = false;
    thread.join(Duration.ofSeconds(10).toMillis());
  }

  List<Sample> samples() {
    return new ArrayList<>(samples);
  }

  Sample sampleNow() {
    return new Sample(
        System.nanoTime(),
        governedRows(),
        treeSize(),
        processes.available() ? processes.sample() : Map.of());
  }

  private void run() {
    long next = System.nanoTime();
    while (running) {
      samples.add(sampleNow());
      next += Duration.ofSeconds(1).toNanos();
      long wait = next - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
    }
  }

  private double governedRows() {
    double total = 0;
    for (URI metrics : policyMetrics) {
      String body = get(metrics);
      if (body == null) {
        return -1;
      }
      double value = storedCount(body);
      if (value < 0) {
        return -1;
      }
      total += value;
    }
    return total;
  }

  /**
   * The counter from {@code /actuator/metrics/<name>} (JSON, one meter, its COUNT measurement) or
   * from a whole {@code /actuator/prometheus} scrape (text); -1 when it is not there.
   */
  static double storedCount(String body) {
    if (body.startsWith("{")) {
      for (JsonNode measurement : ContractJson.mapper().readTree(body).path("measurements")) {
        if ("COUNT".equals(measurement.path("statistic").asString(""))) {
          return measurement.path("value").asDouble(-1);
        }
      }
      return -1;
    }
    double value = -1;
    for (String line : body.split("\n")) {
      if (line.startsWith(STORED_METRIC)) {
        value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return value;
  }

  private long treeSize() {
    String body = get(gateway.resolve("/api/v1/audit/tree-head"));
    if (body == null) {
      return -1;
    }
    return ContractJson.mapper().readTree(body).path("treeSize").asLong(-1);
  }

  private String get(URI uri) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? response.body() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
