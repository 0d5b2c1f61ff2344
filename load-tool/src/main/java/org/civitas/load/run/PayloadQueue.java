package org.civitas.load.run;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Payloads made ahead by a thread of their own, so that a worker finds its next request ready. A
 * worker that finds the queue empty counts a stall: a run with stalls measured the generator, not
 * the target.
 */
final class PayloadQueue<T> implements AutoCloseable {

  private final BlockingQueue<T> ready;
  private final Thread generator;
  private volatile RuntimeException failure;

  /** Fills the queue before returning, so that the first requests do not wait either. */
  PayloadQueue(Supplier<T> payloads, int capacity) {
    this.ready = new ArrayBlockingQueue<>(capacity);
    for (int i = 0; i < capacity; i++) {
      ready.add(payloads.get());
    }
    this.generator = new Thread(() -> generate(payloads), "load-generator");
    generator.setDaemon(true);
    generator.start();
  }

  private void generate(Supplier<T> payloads) {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        ready.put(payloads.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure = e;
    }
  }

  /**
   * @param stalls counts the takes that had to wait for the generator
   */
  T take(LongAdder stalls) throws InterruptedException {
    T payload = ready.poll();
    if (payload != null) {
      return payload;
    }
    stalls.increment();
    while (true) {
      payload = ready.poll(100, TimeUnit.MILLISECONDS);
      if (payload != null) {
        return payload;
      }
      RuntimeException failed = failure;
      if (failed != null) {
        throw new IllegalStateException("payload generation failed", failed);
      }
    }
  }

  @Override
  public void close() {
    generator.interrupt();
  }
}
