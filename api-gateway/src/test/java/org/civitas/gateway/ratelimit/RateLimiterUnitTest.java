package org.civitas.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterUnitTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  private final RateLimiter limiter =
      new RateLimiter(new RateLimitSettings(true, 10, 3, 1, 1), now::get);

  @Test
  void aClientMayBurstThenIsHeldToItsRate() {
    assertThat(limiter.acquireForSubject("vendor-acme")).isZero();
    assertThat(limiter.acquireForSubject("vendor-acme")).isZero();
    assertThat(limiter.acquireForSubject("vendor-acme")).isZero();

    Duration wait = limiter.acquireForSubject("vendor-acme");
    assertThat(wait).isEqualTo(Duration.ofMillis(100));

    advance(Duration.ofMillis(100));
    assertThat(limiter.acquireForSubject("vendor-acme")).isZero();
    assertThat(limiter.acquireForSubject("vendor-acme")).isPositive();
  }

  @Test
  void anIdleClientGetsItsBurstBackButNoMore() {
    for (int i = 0; i < 3; i++) {
      limiter.acquireForSubject("city-it");
    }
    advance(Duration.ofHours(1));

    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquireForSubject("city-it")).isZero();
    }
    assertThat(limiter.acquireForSubject("city-it")).isPositive();
  }

  @Test
  void anonymousCallersHaveTheirOwnTighterLimit() {
    assertThat(limiter.acquireForAddress("203.0.113.7")).isZero();
    assertThat(limiter.acquireForAddress("203.0.113.7")).isEqualTo(Duration.ofSeconds(1));

    assertThat(limiter.acquireForAddress("203.0.113.8")).isZero();
    assertThat(limiter.acquireForSubject("203.0.113.7")).isZero();
  }

  @Test
  void clientsNotSeenForAWhileAreForgotten() {
    limiter.acquireForAddress("203.0.113.7");
    limiter.acquireForSubject("vendor-acme");
    assertThat(limiter.trackedClients()).isEqualTo(2);

    advance(Duration.ofMinutes(1));
    limiter.acquireForSubject("vendor-globex");

    assertThat(limiter.trackedClients()).isEqualTo(1);
  }

  private void advance(Duration duration) {
    now.addAndGet(duration.toNanos());
  }
}
