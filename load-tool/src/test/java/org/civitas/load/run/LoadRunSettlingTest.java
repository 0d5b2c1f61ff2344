package org.civitas.load.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class LoadRunSettlingTest {

  private static final RunPlan PLAN =
      new RunPlan(Duration.ofMillis(200), Duration.ofMillis(300), 2, 1, 0, Duration.ZERO);

  @Test
  void warmUpLastsUntilTheTargetHasSettledThenMeasuresForTheDuration() throws Exception {
    AtomicLong settlesAt = new AtomicLong(System.nanoTime() + Duration.ofMillis(900).toNanos());
    AtomicInteger measuringCalls = new AtomicInteger();
    AtomicLong measuringAt = new AtomicLong();
    Settling settling =
        new Settling(
            () -> System.nanoTime() - settlesAt.get() >= 0,
            Duration.ofSeconds(20),
            () -> {
              measuringCalls.incrementAndGet();
              measuringAt.set(System.nanoTime());
            });

    RunResult result = run(settling);

    assertThat(result.settled()).isTrue();
    assertThat(result.warmupSeconds()).isBetween(0.85, 5.0);
    assertThat(measuringCalls).hasValue(1);
    assertThat(measuringAt.get() - settlesAt.get()).isNotNegative();
    assertThat(result.elapsedSeconds()).isGreaterThanOrEqualTo(0.3).isLessThan(5.0);
    assertThat(result.measured().requests()).isPositive();
  }

  @Test
  void warmUpEndsAtTheLongestWhenTheTargetNeverSettles() throws Exception {
    AtomicInteger measuringCalls = new AtomicInteger();
    Settling settling =
        new Settling(() -> false, Duration.ofMillis(700), measuringCalls::incrementAndGet);

    RunResult result = run(settling);

    assertThat(result.settled()).isFalse();
    assertThat(result.warmupSeconds()).isEqualTo(0.7, Offset.offset(1e-6));
    assertThat(measuringCalls).hasValue(1);
    assertThat(result.measured().requests()).isPositive();
  }

  @Test
  void aTargetSettledFromTheStartIsMeasuredAfterThePlansWarmUp() throws Exception {
    RunResult result = run(new Settling(() -> true, Duration.ofSeconds(20), () -> {}));

    assertThat(result.settled()).isTrue();
    assertThat(result.warmupSeconds()).isBetween(0.2, 2.0);
  }

  @Test
  void withoutSettlingTheWarmUpIsThePlans() throws Exception {
    RunResult result = run(null);

    assertThat(result.settled()).isTrue();
    assertThat(result.warmupSeconds()).isEqualTo(0.2, Offset.offset(1e-6));
  }

  private static RunResult run(Settling settling) throws InterruptedException {
    return new LoadRun<Integer>(
            PLAN,
            () -> 1,
            readings -> readings,
            readings -> 10L,
            payload -> {
              // stands in for a request that takes 2 ms to answer
              LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
              return Outcome.answered("202", Duration.ofMillis(2).toNanos(), 1, 0, 0, null);
            },
            null)
        .settling(settling)
        .run();
  }
}
