package org.civitas.load.run;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * A closed-loop load (or an open-loop one when a rate is set): {@code concurrency} workers each
 * take a ready payload, run the action, record its outcome, and repeat until the time is up.
 * Requests started during warm-up are recorded apart and discarded; requests started before the end
 * are waited for and counted, and the measured time stretches to their last answer.
 */
public final class LoadRun<T> {

  /** One request; must not throw for failures of the target, only report them. */
  @FunctionalInterface
  public interface Action<T> {
    Outcome execute(T payload) throws InterruptedException;
  }

  private final RunPlan plan;
  private final Supplier<T> payloads;
  private final ToIntFunction<T> readingsOf;
  private final ToLongFunction<T> bytesOf;
  private final Action<T> action;
  private final PrintStream progress;
  private Settling settling;

  public LoadRun(
      RunPlan plan,
      Supplier<T> payloads,
      ToIntFunction<T> readingsOf,
      ToLongFunction<T> bytesOf,
      Action<T> action,
      PrintStream progress) {
    this.plan = plan;
    this.payloads = payloads;
    this.readingsOf = readingsOf;
    this.bytesOf = bytesOf;
    this.action = action;
    this.progress = progress;
  }

  /**
   * Warm up until {@code settling} says the target has settled instead of for the plan's warm-up
   * alone; null for the plan's warm-up alone.
   */
  public LoadRun<T> settling(Settling settling) {
    this.settling = settling;
    return this;
  }

  public RunResult run() throws InterruptedException {
    RunRecorder warmup = new RunRecorder();
    RunRecorder measured = new RunRecorder();
    try (PayloadQueue<T> queue = new PayloadQueue<>(payloads, 2 * plan.concurrency() + 2)) {
      long start = System.nanoTime();
      Phases phases =
          new Phases(
              start + (settling == null ? plan.warmup() : longestWarmup()).toNanos(),
              plan.duration().toNanos());
      Pacer pacer = plan.paced() ? new Pacer(plan.readingsPerSecond(), plan.batch(), start) : null;

      ScheduledExecutorService ticker = progressTicker(start, phases, warmup, measured);
      Thread settler = settling == null ? null : settler(start, phases);
      List<Thread> workers = new ArrayList<>(plan.concurrency());
      for (int i = 0; i < plan.concurrency(); i++) {
        Thread worker =
            new Thread(() -> work(queue, pacer, phases, warmup, measured), "load-worker-" + i);
        worker.setDaemon(true);
        workers.add(worker);
        worker.start();
      }
      try {
        for (Thread worker : workers) {
          worker.join();
        }
      } finally {
        for (Thread worker : workers) {
          worker.interrupt();
        }
        if (settler != null) {
          settler.interrupt();
        }
        if (ticker != null) {
          ticker.shutdownNow();
        }
      }
      long measureStart = phases.measureStart;
      long end = phases.end();
      long last = measured.lastCompletionNanos.get();
      long stop = measured.requests() == 0 ? end : Math.max(end, last);
      double elapsed = Math.max(1e-9, (stop - measureStart) / 1e9);
      Instant measuredFrom =
          phases.measuredFrom != null
              ? phases.measuredFrom
              : Instant.now().minusNanos(System.nanoTime() - measureStart);
      return new RunResult(
          measured,
          elapsed,
          measuredFrom.truncatedTo(ChronoUnit.MILLIS).toString(),
          (measureStart - start) / 1e9,
          phases.settled);
    }
  }

  private Duration longestWarmup() {
    return settling.longest().compareTo(plan.warmup()) > 0 ? settling.longest() : plan.warmup();
  }

  /**
   * Asks {@link Settling#settled()} every half second once the plan's warm-up is over, and starts
   * the measured phase when it answers true; the workers pick the new phase up on their next
   * request.
   */
  private Thread settler(long start, Phases phases) {
    Thread thread =
        new Thread(
            () -> {
              long earliest = start + plan.warmup().toNanos();
              long check = Settling.CHECK_EVERY.toNanos();
              try {
                parkUntil(earliest);
                while (true) {
                  boolean settled = settling.settled().getAsBoolean();
                  long now = System.nanoTime();
                  if (settled || phases.measuring(now)) {
                    if (!phases.measuring(now)) {
                      phases.measureFrom(now);
                    }
                    phases.settled = settled;
                    settling.measuring().run();
                    return;
                  }
                  long next = now + check;
                  parkUntil(next - phases.measureStart < 0 ? next : phases.measureStart);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "load-settler");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /**
   * When measuring starts and ends; moved earlier, once, by the settler. Workers read it on every
   * request, so a request started before the move counts as warm-up.
   */
  private static final class Phases {

    private final long durationNanos;
    private volatile long measureStart;
    private volatile Instant measuredFrom;
    private volatile boolean settled = true;

    Phases(long measureStart, long durationNanos) {
      this.measureStart = measureStart;
      this.durationNanos = durationNanos;
    }

    void measureFrom(long now) {
      measuredFrom = Instant.now();
      measureStart = now;
    }

    long end() {
      return measureStart + durationNanos;
    }

    boolean measuring(long now) {
      return now - measureStart >= 0;
    }
  }

  private void work(
      PayloadQueue<T> queue, Pacer pacer, Phases phases, RunRecorder warmup, RunRecorder measured) {
    try {
      while (true) {
        long now = System.nanoTime();
        if (pacer != null) {
          long slot = pacer.claim(now);
          if (slot - phases.end() >= 0) {
            return;
          }
          parkUntil(slot);
          now = System.nanoTime();
        }
        if (now - phases.end() >= 0) {
          return;
        }
        RunRecorder recorder = phases.measuring(now) ? measured : warmup;
        T payload = queue.take(recorder.generatorStalls);
        Outcome outcome;
        try {
          outcome = action.execute(payload);
        } catch (RuntimeException e) {
          outcome =
              Outcome.unanswered("error", e.getClass().getSimpleName(), Duration.ofMillis(100));
        }
        long done = System.nanoTime();
        recorder.record(
            outcome, readingsOf.applyAsInt(payload), bytesOf.applyAsLong(payload), done);
        if (!outcome.pause().isZero()) {
          parkUntil(Math.min(done + outcome.pause().toNanos(), phases.end()));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Holds the worker back for pacing or a Retry-After; this is the load's schedule, not a wait. */
  private static void parkUntil(long deadlineNanos) throws InterruptedException {
    long remaining;
    while ((remaining = deadlineNanos - System.nanoTime()) > 0) {
      LockSupport.parkNanos(remaining);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }

  private ScheduledExecutorService progressTicker(
      long start, Phases phases, RunRecorder warmup, RunRecorder measured) {
    if (progress == null || plan.progressEvery().isZero()) {
      return null;
    }
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "load-progress");
              thread.setDaemon(true);
              return thread;
            });
    long every = plan.progressEvery().toNanos();
    ProgressLine line = new ProgressLine(start, phases, warmup, measured);
    ticker.scheduleAtFixedRate(
        () -> progress.println(line.next(System.nanoTime())), every, every, TimeUnit.NANOSECONDS);
    return ticker;
  }

  /** One line per tick: the rates since the last tick, totals and p99 of the current phase. */
  private static final class ProgressLine {

    private final long start;
    private final Phases phases;
    private final RunRecorder warmup;
    private final RunRecorder measured;
    private RunRecorder last;
    private long lastAt;
    private long lastAccepted;
    private long lastRequests;

    ProgressLine(long start, Phases phases, RunRecorder warmup, RunRecorder measured) {
      this.start = start;
      this.phases = phases;
      this.warmup = warmup;
      this.measured = measured;
      this.lastAt = start;
    }

    String next(long now) {
      RunRecorder current = phases.measuring(now) ? measured : warmup;
      if (current != last) {
        last = current;
        lastAt = current == measured ? phases.measureStart : start;
        lastAccepted = 0;
        lastRequests = 0;
      }
      long accepted = current.accepted();
      long requests = current.requests();
      double seconds = Math.max(1e-9, (now - lastAt) / 1e9);
      String text =
          String.format(
              Locale.ROOT,
              "[%5.0fs] %-9s %,12.1f accepted/s %,9.1f req/s | accepted %,d dup %,d rej %,d"
                  + " | failed req %,d | p99 %,.1f ms",
              (now - start) / 1e9,
              current == measured ? "measuring" : "warm-up",
              (accepted - lastAccepted) / seconds,
              (requests - lastRequests) / seconds,
              accepted,
              current.duplicates.sum(),
              current.rejected.sum(),
              current.failedRequests.sum(),
              current.latency.percentileMicros(99) / 1000.0);
      lastAt = now;
      lastAccepted = accepted;
      lastRequests = requests;
      return text;
    }
  }
}
