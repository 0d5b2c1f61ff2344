package org.civitas.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One bucket per client, created on first use. Buckets that have refilled completely are dropped
 * now and then, so that the map holds only clients seen recently and cannot grow without bound.
 */
final class RateLimiter {

  private static final long SWEEP_INTERVAL = Duration.ofSeconds(30).toNanos();

  private final RateLimitSettings settings;
  private final LongSupplier nanoClock;
  private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final AtomicLong nextSweep;

  RateLimiter(RateLimitSettings settings, LongSupplier nanoClock) {
    this.settings = settings;
    this.nanoClock = nanoClock;
    this.nextSweep = new AtomicLong(nanoClock.getAsLong() + SWEEP_INTERVAL);
  }

  /** Admits or refuses one request of a client identified by its token subject. */
  Duration acquireForSubject(String subject) {
    return acquire("sub:" + subject, settings.burst(), settings.requestsPerSecond());
  }

  /** Admits or refuses one request of an anonymous client identified by its address. */
  Duration acquireForAddress(String address) {
    return acquire(
        "addr:" + address, settings.anonymousBurst(), settings.anonymousRequestsPerSecond());
  }

  int trackedClients() {
    return buckets.size();
  }

  /** Returns {@link Duration#ZERO} when admitted, otherwise how long to wait before a retry. */
  private Duration acquire(String client, int burst, double perSecond) {
    long now = nanoClock.getAsLong();
    sweepIfDue(now);
    TokenBucket bucket =
        buckets.computeIfAbsent(client, key -> new TokenBucket(burst, perSecond, now));
    return Duration.ofNanos(bucket.take(now));
  }

  private void sweepIfDue(long now) {
    long due = nextSweep.get();
    if (now - due >= 0 && nextSweep.compareAndSet(due, now + SWEEP_INTERVAL)) {
      buckets.values().removeIf(bucket -> bucket.isFull(now));
    }
  }
}
