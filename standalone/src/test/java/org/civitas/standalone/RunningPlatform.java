package org.civitas.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole platform, started once per test JVM on free ports from the packaged jars and shared by
 * every end-to-end test class; stopped when the JVM ends.
 */
final class RunningPlatform {

  static final String ATTACH_PROPERTY = "civitas.e2e.attach";

  private static Platform platform;
  private static PlatformSettings settings;

  static synchronized Platform shared() {
    if (platform == null) {
      try {
        Path logs = repositoryRoot().resolve("standalone/target/platform-logs");
        deleteLogs(logs);
        System.setProperty(ServiceProcess.LOG_DIR_PROPERTY, logs.toString());
        // under the build output, so that the platform's data goes with `mvn clean`
        settings =
            PlatformSettings.onFreePorts(
                    Files.createTempDirectory(
                        Files.createDirectories(Path.of("target")), "e2e-data"),
                    repositoryRoot())
                .withKafkaSimulator(20);
        platform = started(new Platform(settings));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(RunningPlatform::stop, "e2e-platform-stop"));
    }
    return platform;
  }

  /** Where every service's output is copied, one file per service, for log scans. */
  static Path logDirectory() {
    return Path.of(System.getProperty(ServiceProcess.LOG_DIR_PROPERTY));
  }

  private static void deleteLogs(Path logs) throws IOException {
    if (Files.isDirectory(logs)) {
      try (var files = Files.list(logs)) {
        for (Path file : files.toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  static PlatformClient client() {
    return new PlatformClient(settings());
  }

  /**
   * Where the platform under test answers: the shared one started here, or, when the system
   * property {@value #ATTACH_PROPERTY} holds the launcher's arguments (e.g. {@code --data-dir=data
   * --gateway-port=8080}), a platform already running on those ports, for tests that only talk to
   * it over HTTP.
   */
  static PlatformSettings settings() {
    String attach = System.getProperty(ATTACH_PROPERTY, "");
    if (attach.isBlank()) {
      return shared().settings();
    }
    return PlatformSettings.fromArguments(attach.trim().split("\\s+"), repositoryRoot());
  }

  /** Stops every process and starts them again on the same ports and data directory. */
  static synchronized Platform restart() throws InterruptedException {
    shared().close();
    platform = started(new Platform(settings));
    return platform;
  }

  /** A platform that fails to start is stopped at once, so no service process outlives the JVM. */
  private static Platform started(Platform starting) throws InterruptedException {
    try {
      return starting.start();
    } catch (RuntimeException | InterruptedException e) {
      try {
        starting.close();
      } catch (RuntimeException notStarted) {
        e.addSuppressed(notStarted);
      }
      throw e;
    }
  }

  private static synchronized void stop() {
    if (platform != null) {
      platform.close();
      platform = null;
    }
  }

  static Path repositoryRoot() {
    Path module = Path.of("").toAbsolutePath();
    return Files.exists(module.resolve("mvnw")) ? module : module.getParent();
  }

  private RunningPlatform() {}
}
