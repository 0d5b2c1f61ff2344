package org.civitas.load.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.civitas.contract.ContractJson;
import org.civitas.load.ingest.ClientCredentials;
import org.civitas.load.run.LatencyHistogram;
import tools.jackson.databind.JsonNode;

/**
 * Ingest-to-queryable latency: posts one tagged reading at a time for a sensor of its own through
 * the gateway, then polls the data API (as staff, with a record-level purpose) until the reading is
 * returned. The latency runs from the moment the reading was posted to the first answer that holds
 * it, so it includes ingest, the raw topic, minimization, the governed store and the query.
 */
final class LatencyProbe {

  static final String CATEGORY = "traffic_count";
  static final String PURPOSE = "traffic-planning";

  /**
   * Readings per page. The probe's readings of a run outgrow one page, and every poll resumes at
   * the last page the previous one read, so a poll reads at most one page it has seen before.
   */
  private static final int PAGE = 200;

  private static final int MAX_PAGES_PER_POLL = 20;

  private final HttpClient http;
  private final URI gateway;
  private final ClientCredentials vendor;
  private final ClientCredentials staff;
  private final String sensorId;
  private final Duration interval;
  private final Duration pollInterval;

  /** Posted and not yet seen, warm-up ones too, by readingId. */
  private final Map<String, Posted> pending = new ConcurrentHashMap<>();

  private final LatencyHistogram latency = new LatencyHistogram();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong lost = new AtomicLong();
  private final Instant since = Instant.now().minus(10, ChronoUnit.MINUTES);
  private volatile boolean running;
  private volatile boolean measuring;
  private volatile long startedNanos;
  private volatile long lastSlowNanos;
  private final Duration keptUpWithin;
  private Thread poster;
  private Thread poller;

  LatencyProbe(
      HttpClient http,
      URI gateway,
      ClientCredentials vendor,
      ClientCredentials staff,
      String sensorId,
      Duration interval,
      Duration pollInterval,
      Duration keptUpWithin) {
    this.http = http;
    this.gateway = gateway;
    this.vendor = vendor;
    this.staff = staff;
    this.sensorId = sensorId;
    this.interval = interval;
    this.pollInterval = pollInterval;
    this.keptUpWithin = keptUpWithin;
  }

  /** Posts one probe reading; true when it was accepted (the sensor is known to ingest). */
  boolean accepted() {
    return post(UUID.randomUUID().toString()) == 202;
  }

  private record Posted(long nanos, boolean counted) {}

  void start() {
    startedNanos = System.nanoTime();
    lastSlowNanos = startedNanos;
    running = true;
    poster = new Thread(this::postLoop, "probe-poster");
    poller = new Thread(this::pollLoop, "probe-poller");
    poster.setDaemon(true);
    poller.setDaemon(true);
    poster.start();
    poller.start();
  }

  /** From now on, probes count; earlier ones were warm-up. */
  void measure() {
    measuring = true;
    pending.values().removeIf(posted -> !posted.counted());
  }

  /**
   * True when, for the last {@code window}, every probe reading became queryable within the
   * constructor's {@code keptUpWithin} and none has waited longer: the platform has no backlog on
   * the probe's partition.
   */
  boolean settled(Duration window) {
    long now = System.nanoTime();
    if (now - startedNanos < window.toNanos() || now - lastSlowNanos < window.toNanos()) {
      return false;
    }
    for (Posted posted : pending.values()) {
      if (now - posted.nanos() > keptUpWithin.toNanos()) {
        return false;
      }
    }
    return true;
  }

  /** Stops posting, then waits up to {@code grace} for the probes in flight. */
  void stop(Duration grace) throws InterruptedException {
    running = false;
    poster.join();
    long deadline = System.nanoTime() + grace.toNanos();
    while (countedPending() > 0 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
    lost.addAndGet(countedPending());
    pending.clear();
    poller.interrupt();
    poller.join(Duration.ofSeconds(10).toMillis());
  }

  private long countedPending() {
    return pending.values().stream().filter(Posted::counted).count();
  }

  LatencyHistogram latency() {
    return latency;
  }

  long sent() {
    return sent.get();
  }

  long notSeen() {
    return lost.get();
  }

  private void postLoop() {
    while (running) {
      long started = System.nanoTime();
      String id = UUID.randomUUID().toString();
      boolean counted = measuring;
      pending.put(id, new Posted(started, counted));
      if (counted) {
        sent.incrementAndGet();
      }
      int status = post(id);
      if (status != 202) {
        pending.remove(id);
        if (counted) {
          lost.incrementAndGet();
        }
      }
      long wait = interval.toNanos() - (System.nanoTime() - started);
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
    }
  }

  /**
   * Every poll is an audited data query. The API pages oldest first and minimization truncates the
   * probe's times to 5 minutes, so new readings cannot be asked for by time; a poll that returned
   * every reading of the run cost policy-service's request threads 8-9 % of a core polled every 50
   * ms (Session 8), and more the longer the run. So a poll resumes at the page the last one ended
   * on. A latency is late by up to one poll interval.
   */
  private void pollLoop() {
    // the cursor that led to the last page read: keyset cursors stay valid, and the probe's new
    // readings (one partition, stored in order) come after it
    String resume = null;
    while (!Thread.currentThread().isInterrupted()) {
      long started = System.nanoTime();
      if (!pending.isEmpty()) {
        String cursor = resume;
        for (int page = 0; page < MAX_PAGES_PER_POLL; page++) {
          JsonNode answer = query(cursor);
          if (answer == null) {
            break;
          }
          seen(answer.path("items"), System.nanoTime());
          resume = cursor;
          cursor = answer.path("nextCursor").asString(null);
          if (cursor == null || pending.isEmpty()) {
            break;
          }
        }
      }
      long wait = pollInterval.toNanos() - (System.nanoTime() - started);
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
    }
  }

  private void seen(JsonNode items, long now) {
    for (JsonNode item : items) {
      Posted posted = pending.remove(item.path("readingId").asString(""));
      if (posted == null) {
        continue;
      }
      long nanos = now - posted.nanos();
      if (posted.counted()) {
        latency.recordNanos(nanos);
      }
      if (nanos > keptUpWithin.toNanos()) {
        lastSlowNanos = now;
      }
    }
  }

  private int post(String readingId) {
    Map<String, Object> reading =
        Map.of(
            "readingId",
            readingId,
            "sensorId",
            sensorId,
            "observedAt",
            Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
            "category",
            CATEGORY,
            "location",
            Map.of("lat", 43.6532, "lon", -79.3832),
            "attributes",
            Map.of("count", 7, "vehicleClass", "car", "lane", 1));
    HttpRequest request =
        HttpRequest.newBuilder(gateway.resolve("/api/v1/ingest/readings"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + vendor.bearer())
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    ContractJson.mapper().writeValueAsBytes(reading)))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 202
          && !ContractJson.mapper().readTree(response.body()).path("rejected").isEmpty()) {
        return 422;
      }
      return response.statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private JsonNode query(String cursor) {
    String query =
        "category="
            + CATEGORY
            + "&sensorId="
            + encode(sensorId)
            + "&purpose="
            + PURPOSE
            + "&from="
            + encode(since.toString())
            + "&to="
            + encode(Instant.now().plus(10, ChronoUnit.MINUTES).toString())
            + "&limit="
            + PAGE
            + (cursor == null ? "" : "&cursor=" + encode(cursor));
    HttpRequest request =
        HttpRequest.newBuilder(gateway.resolve("/api/v1/data/readings?" + query))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + staff.bearer())
            .GET()
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? ContractJson.mapper().readTree(response.body()) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
