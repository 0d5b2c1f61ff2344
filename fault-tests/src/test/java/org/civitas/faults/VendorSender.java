package org.civitas.faults;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.civitas.contract.ContractJson;
import org.civitas.faults.Gateway.Answer;
import tools.jackson.databind.JsonNode;

/**
 * A vendor posting a known set of readings at a steady pace, each batch with fresh readingIds. Like
 * a well-behaved vendor it resends the same batch (same readingIds) after a 503, a gateway error or
 * a lost connection until it gets a 202, so the readingIds it records as accepted are exactly those
 * the platform promised to keep.
 */
final class VendorSender implements AutoCloseable {

  static final String PLATE_CAMERA = "cam-king-st-01";
  static final String TRAFFIC_COUNTER = "traffic-spadina-dundas-01";

  private static final String PATH = "/api/v1/ingest/readings";
  private static final Duration GIVE_UP_AFTER_STOP = Duration.ofSeconds(90);

  private final Gateway gateway;
  private final int batchSize;
  private final Duration interval;
  private final Set<String> sent = ConcurrentHashMap.newKeySet();
  private final Set<String> accepted = ConcurrentHashMap.newKeySet();
  private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
  private final AtomicInteger rejected = new AtomicInteger();
  private final Thread thread;
  private volatile boolean stopRequested;
  private volatile String token;

  /**
   * @param batchSize readings per request
   * @param interval time between the starts of two requests, which sets the pace
   */
  VendorSender(Gateway gateway, int batchSize, Duration interval) {
    this.gateway = gateway;
    this.batchSize = batchSize;
    this.interval = interval;
    this.token = gateway.token("vendor-acme");
    this.thread = new Thread(this::run, "vendor-sender");
    this.thread.setDaemon(true);
  }

  VendorSender start() {
    thread.start();
    return this;
  }

  /** Stops sending new batches; the batch in flight is retried until accepted (bounded). */
  void stopAndDrain() throws InterruptedException {
    stopRequested = true;
    thread.join(GIVE_UP_AFTER_STOP.plusSeconds(35).toMillis());
  }

  @Override
  public void close() throws InterruptedException {
    stopAndDrain();
  }

  int acceptedCount() {
    return accepted.size();
  }

  Set<String> accepted() {
    return Set.copyOf(accepted);
  }

  Set<String> sent() {
    return Set.copyOf(sent);
  }

  int rejected() {
    return rejected.get();
  }

  int answers(int status) {
    AtomicInteger count = statuses.get(status);
    return count == null ? 0 : count.get();
  }

  /** Answers by HTTP status (0 = no answer: connection refused or timed out). */
  Map<Integer, Integer> statusCounts() {
    Map<Integer, Integer> copy = new LinkedHashMap<>();
    statuses.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> copy.put(e.getKey(), e.getValue().get()));
    return copy;
  }

  /** Posts one batch once; true when every reading of it was accepted (the sensors are known). */
  boolean tryOnce() {
    List<String> ids = new ArrayList<>();
    Answer answer = gateway.postJson(PATH, token, batch(0, ids));
    return answer.status() == 202 && answer.json().get("rejected").isEmpty();
  }

  private void run() {
    long next = System.nanoTime();
    int sequence = 0;
    while (!stopRequested) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      next += interval.toNanos();
      List<String> ids = new ArrayList<>(batchSize);
      byte[] body = batch(sequence++, ids);
      sent.addAll(ids);
      deliver(body, ids);
      // a late batch does not make the sender burst afterwards
      next = Math.max(next, System.nanoTime());
    }
  }

  /** Posts one batch until it is answered 202; only then are its readings accepted. */
  private void deliver(byte[] body, List<String> ids) {
    long backoff = TimeUnit.MILLISECONDS.toNanos(100);
    long giveUp = Long.MAX_VALUE;
    while (true) {
      Answer answer = gateway.postJson(PATH, token, body);
      statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
      if (answer.status() == 202) {
        record(answer.json(), ids);
        return;
      }
      if (answer.status() == 401) {
        token = gateway.token("vendor-acme");
      } else if (answer.status() != 0 && answer.status() < 500 && answer.status() != 429) {
        throw new IllegalStateException("ingest refused a batch: " + answer);
      }
      if (stopRequested && giveUp == Long.MAX_VALUE) {
        giveUp = System.nanoTime() + GIVE_UP_AFTER_STOP.toNanos();
      }
      if (System.nanoTime() > giveUp) {
        return;
      }
      LockSupport.parkNanos(backoff);
      backoff = Math.min(backoff * 2, TimeUnit.SECONDS.toNanos(2));
    }
  }

  private void record(JsonNode report, List<String> ids) {
    Set<Integer> refused = new HashSet<>();
    for (JsonNode rejection : report.get("rejected")) {
      refused.add(rejection.get("index").asInt());
    }
    rejected.addAndGet(refused.size());
    for (int i = 0; i < ids.size(); i++) {
      if (!refused.contains(i)) {
        accepted.add(ids.get(i));
      }
    }
  }

  private byte[] batch(int sequence, List<String> ids) {
    Instant observedAt = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
    List<Map<String, Object>> readings = new ArrayList<>(batchSize);
    for (int i = 0; i < batchSize; i++) {
      String id = UUID.randomUUID().toString();
      ids.add(id);
      readings.add(i % 2 == 0 ? plate(id, observedAt, sequence, i) : count(id, observedAt, i));
    }
    return ContractJson.mapper().writeValueAsBytes(Map.of("readings", readings));
  }

  private static Map<String, Object> plate(String id, Instant at, int sequence, int i) {
    return Map.of(
        "readingId",
        id,
        "sensorId",
        PLATE_CAMERA,
        "observedAt",
        at.toString(),
        "category",
        "licence_plate",
        "location",
        Map.of("lat", 43.64871, "lon", -79.38172),
        "attributes",
        Map.of(
            "plate", "FLT" + (sequence % 1000) + "X" + (i % 100),
            "speedKmh", 40.5 + i % 20,
            "lane", 1 + i % 3));
  }

  private static Map<String, Object> count(String id, Instant at, int i) {
    return Map.of(
        "readingId",
        id,
        "sensorId",
        TRAFFIC_COUNTER,
        "observedAt",
        at.toString(),
        "category",
        "traffic_count",
        "location",
        Map.of("lat", 43.65316, "lon", -79.39759),
        "attributes",
        Map.of("count", 5 + i % 30, "vehicleClass", "car", "lane", 1, "intervalSeconds", 60));
  }
}
