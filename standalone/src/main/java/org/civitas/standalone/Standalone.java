package org.civitas.standalone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar standalone/target/standalone.jar [--data-dir=./data] [--simulator=false]}: runs
 * the platform until Ctrl-C, then stops every service, Kafka and PostgreSQL cleanly.
 */
public final class Standalone {

  public static void main(String[] args) throws Exception {
    long started = System.nanoTime();
    PlatformSettings settings = PlatformSettings.fromArguments(args, repositoryRoot());
    Platform platform = new Platform(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("Stopping Civitas ...");
                  platform.close();
                  System.out.println("Civitas stopped; data kept in " + settings.dataDirectory());
                  stopped.countDown();
                },
                "civitas-stop"));
    try {
      platform.start();
    } catch (RuntimeException e) {
      System.err.println("Civitas could not start: " + e.getMessage());
      System.exit(1);
    }
    System.out.println(Banner.ready(settings, (System.nanoTime() - started) / 1_000_000_000.0));
    stopped.await();
  }

  /** The checkout the jars were built in: the nearest directory up from here with a mvnw. */
  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
      if (Files.exists(candidate.resolve("mvnw"))
          && Files.isDirectory(candidate.resolve("standalone"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "run this from the Civitas checkout (no mvnw found above " + dir + ")");
  }

  private Standalone() {}
}
