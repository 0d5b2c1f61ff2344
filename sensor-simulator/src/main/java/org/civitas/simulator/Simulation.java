package org.civitas.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.civitas.contract.reading.Reading;
import org.civitas.contract.registry.SensorRegistration;
import org.civitas.simulator.generation.ReadingGenerator;
import org.civitas.simulator.registry.RegisteredSensors;
import org.civitas.simulator.sink.ReadingSink;
import org.civitas.simulator.sink.SinkStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every tick, spends the rate budget accrued since the last one on readings, taking the active
 * sensors in turn, and hands them to the sink grouped by vendor. Starts once the registry is
 * loaded, so a decommissioned sensor is never mistaken for an active one.
 */
final class Simulation implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Simulation.class);

  private final RegisteredSensors sensors;
  private final ReadingGenerator generator;
  private final ReadingSink sink;
  private final SimulatorSettings settings;
  private ScheduledExecutorService scheduler;
  private long lastTick;
  private double budget;
  private int cursor;
  private volatile int simulatedSensors;
  private volatile long lastSummary;

  Simulation(
      RegisteredSensors sensors,
      ReadingGenerator generator,
      ReadingSink sink,
      SimulatorSettings settings) {
    this.sensors = sensors;
    this.generator = generator;
    this.sink = sink;
    this.settings = settings;
  }

  @Override
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    // not a daemon: this thread is what keeps the simulator running
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "simulation"));
    lastTick = System.nanoTime();
    lastSummary = lastTick;
    long tickMillis = Math.max(10, settings.tick().toMillis());
    scheduler.scheduleAtFixedRate(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    long summaryMillis = Math.max(1000, settings.summaryInterval().toMillis());
    scheduler.scheduleAtFixedRate(
        this::summarize, summaryMillis, summaryMillis, TimeUnit.MILLISECONDS);
    log.info(
        "simulating {} readings/s via {} (max sensors: {})",
        settings.rate(),
        settings.via().name().toLowerCase(),
        settings.maxSensors() > 0 ? settings.maxSensors() : "all");
  }

  @Override
  public synchronized void stop() {
    if (scheduler == null) {
      return;
    }
    scheduler.shutdown();
    try {
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    scheduler = null;
    summarize();
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }

  void tick() {
    try {
      long now = System.nanoTime();
      double elapsed = (now - lastTick) / 1e9;
      lastTick = now;
      if (!sensors.isCaughtUp()) {
        return;
      }
      List<SensorRegistration> candidates = candidates();
      simulatedSensors = candidates.size();
      if (candidates.isEmpty()) {
        budget = 0;
        return;
      }
      // a stall (GC, slow sink) must not turn into a burst afterwards
      budget = Math.min(budget + settings.rate() * elapsed, Math.max(1, settings.rate()));
      int due = (int) budget;
      budget -= due;
      Map<String, List<Reading>> byVendor = new LinkedHashMap<>();
      for (int i = 0; i < due; i++) {
        SensorRegistration sensor = candidates.get(Math.floorMod(cursor++, candidates.size()));
        byVendor
            .computeIfAbsent(sensor.vendorId(), v -> new ArrayList<>())
            .add(generator.next(sensor));
      }
      byVendor.forEach(sink::send);
    } catch (RuntimeException e) {
      // an exception would cancel the schedule; the next tick tries again
      log.warn("simulation tick failed ({})", e.getClass().getSimpleName());
    }
  }

  private List<SensorRegistration> candidates() {
    List<SensorRegistration> active = new ArrayList<>();
    for (SensorRegistration sensor : sensors.active()) {
      if (sink.serves(sensor.vendorId())) {
        active.add(sensor);
        if (settings.maxSensors() > 0 && active.size() >= settings.maxSensors()) {
          break;
        }
      }
    }
    return active;
  }

  private void summarize() {
    long now = System.nanoTime();
    long seconds = Math.max(1, Math.round((now - lastSummary) / 1e9));
    lastSummary = now;
    SinkStats.Snapshot counts = sink.stats().drain();
    log.info(
        "last {}s: sensors={} sent={} delivered={} duplicates={} rejected={} failed={}{}{}",
        seconds,
        simulatedSensors,
        counts.sent(),
        counts.delivered(),
        counts.duplicates(),
        counts.rejected(),
        counts.failed(),
        counts.lastProblem() == null ? "" : " (last failure: " + counts.lastProblem() + ")",
        sensors.isCaughtUp() ? "" : " (waiting for the sensor registry)");
  }
}
