package org.civitas.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.civitas.faults.Gateway.Answer;

/**
 * City staff querying governed data at a steady pace, each query with its own correlation id, so
 * that every query can be matched with its audit event. Which queries were answered with data is
 * recorded: each of those must have exactly one audit event.
 */
final class DataQueries implements AutoCloseable {

  private final Gateway gateway;
  private final String tag;
  private final Duration interval;
  private final Set<String> answered = ConcurrentHashMap.newKeySet();
  private final Set<String> refused = ConcurrentHashMap.newKeySet();
  private final AtomicInteger sequence = new AtomicInteger();
  private final Thread thread;
  private volatile boolean stopRequested;
  private volatile String token;

  DataQueries(Gateway gateway, String tag, Duration interval) {
    this.gateway = gateway;
    this.tag = tag;
    this.interval = interval;
    this.token = gateway.token("city-it");
    this.thread = new Thread(this::run, "data-queries");
    this.thread.setDaemon(true);
  }

  DataQueries start() {
    thread.start();
    return this;
  }

  @Override
  public void close() throws InterruptedException {
    stopRequested = true;
    thread.join(Duration.ofSeconds(45).toMillis());
  }

  /** Correlation ids of the queries answered 200 (with data). */
  Set<String> answered() {
    return Set.copyOf(answered);
  }

  /** Correlation ids of the queries that got no data (an error status or no answer). */
  Set<String> refused() {
    return Set.copyOf(refused);
  }

  int answeredCount() {
    return answered.size();
  }

  private void run() {
    while (!stopRequested) {
      long started = System.nanoTime();
      String correlationId = tag + "-" + sequence.incrementAndGet();
      Instant now = Instant.now();
      Answer answer =
          gateway.get(
              "/api/v1/data/readings",
              token,
              Map.of(
                  "category",
                  "traffic_count",
                  "sensorId",
                  VendorSender.TRAFFIC_COUNTER,
                  "from",
                  now.minusSeconds(600).toString(),
                  "to",
                  now.plusSeconds(60).toString(),
                  "purpose",
                  "traffic-planning",
                  "limit",
                  "10"),
              correlationId);
      if (answer.status() == 200) {
        answered.add(correlationId);
      } else {
        refused.add(correlationId);
        if (answer.status() == 401) {
          token = gateway.token("city-it");
        }
      }
      long wait = interval.toNanos() - (System.nanoTime() - started);
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
    }
  }
}
