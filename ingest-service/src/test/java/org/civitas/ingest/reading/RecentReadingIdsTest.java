package org.civitas.ingest.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecentReadingIdsTest {

  private final MutableClock clock = new MutableClock();

  @Test
  void rememberedIdsAreRecognized() {
    RecentReadingIds ids = new RecentReadingIds(1000, Duration.ofHours(1), clock);
    UUID seen = UUID.randomUUID();
    UUID nil = new UUID(0, 0);

    ids.remember(seen);
    ids.remember(nil);

    assertThat(ids.contains(seen)).isTrue();
    assertThat(ids.contains(nil)).isTrue();
    assertThat(ids.contains(UUID.randomUUID())).isFalse();
  }

  @Test
  void sequentialIdsDoNotCollide() {
    RecentReadingIds ids = new RecentReadingIds(100_000, Duration.ofHours(1), clock);
    for (long i = 1; i <= 40_000; i++) {
      ids.remember(new UUID(0, i));
    }
    for (long i = 1; i <= 40_000; i++) {
      assertThat(ids.contains(new UUID(0, i))).isTrue();
    }
    assertThat(ids.contains(new UUID(0, 40_001))).isFalse();
  }

  @Test
  void memoryIsBoundedByCount() {
    RecentReadingIds ids = new RecentReadingIds(1000, Duration.ofHours(1), clock);
    List<UUID> all = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      UUID id = UUID.randomUUID();
      all.add(id);
      ids.remember(id);
    }

    assertThat(ids.contains(all.get(0))).isFalse();
    assertThat(ids.contains(all.get(all.size() - 1))).isTrue();
    assertThat(all.subList(all.size() - 500, all.size())).allMatch(ids::contains);
  }

  @Test
  void idsAreForgottenAfterTheWindow() {
    RecentReadingIds ids = new RecentReadingIds(1000, Duration.ofMinutes(60), clock);
    UUID old = UUID.randomUUID();
    ids.remember(old);

    clock.advance(Duration.ofMinutes(31));
    assertThat(ids.contains(old)).isTrue();
    clock.advance(Duration.ofMinutes(31));
    assertThat(ids.contains(old)).isFalse();
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-26T10:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
