package org.civitas.gateway.ratelimit;

/**
 * A token bucket: holds up to {@code capacity} tokens, refills continuously at a fixed rate, and
 * each request takes one. Synchronized on the bucket only, so clients never wait for each other.
 */
final class TokenBucket {

  private final double capacity;
  private final double tokensPerNano;
  private double tokens;
  private long refilledAt;

  TokenBucket(double capacity, double tokensPerSecond, long now) {
    this.capacity = capacity;
    this.tokensPerNano = tokensPerSecond / 1_000_000_000d;
    this.tokens = capacity;
    this.refilledAt = now;
  }

  /**
   * Takes a token if there is one.
   *
   * @return 0 when the request may go ahead, otherwise the nanoseconds until a token is available
   */
  synchronized long take(long now) {
    refill(now);
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano));
  }

  /** A full bucket is indistinguishable from a new one, so it can be forgotten. */
  synchronized boolean isFull(long now) {
    refill(now);
    return tokens >= capacity;
  }

  private void refill(long now) {
    long elapsed = now - refilledAt;
    if (elapsed > 0) {
      tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
      refilledAt = now;
    }
  }
}
