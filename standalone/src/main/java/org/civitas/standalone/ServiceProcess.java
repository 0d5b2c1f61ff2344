package org.civitas.standalone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One service running as a child JVM from its executable jar. Its output is copied to ours with the
 * service name in front, so one terminal shows the whole platform; with the system property {@value
 * #LOG_DIR_PROPERTY} set, each service's lines are also appended to {@code <dir>/<service>.log},
 * which is how tests scan every log line the platform wrote.
 */
public final class ServiceProcess {

  public static final String LOG_DIR_PROPERTY = "civitas.platform.log-dir";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Path jar;
  private final List<String> jvmOptions;
  private final List<String> arguments;
  private final Integer port;
  private Process process;

  ServiceProcess(
      String name, Path jar, List<String> jvmOptions, List<String> arguments, Integer port) {
    this.name = name;
    this.jar = jar;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.arguments = List.copyOf(arguments);
    this.port = port;
  }

  public String name() {
    return name;
  }

  public Integer port() {
    return port;
  }

  public synchronized void start() {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: build the platform first (./mvnw -B -DskipTests package)");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(arguments);
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
    Thread pump = new Thread(() -> pumpOutput(process), name + "-output");
    pump.setDaemon(true);
    pump.start();
  }

  /** A graceful stop: SIGTERM, then a kill if the service does not end in time. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    process = null;
  }

  /** SIGKILL, as a crash would: no shutdown hooks, no graceful close. */
  public synchronized void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      process = null;
    }
  }

  /** The operating-system process id, or -1 when the service is not running. */
  public synchronized long pid() {
    return process == null ? -1 : process.pid();
  }

  public synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** Waits until the service's health endpoint says UP, or fails with the reason. */
  public void awaitHealthy(Duration timeout) throws InterruptedException {
    if (port == null) {
      return;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    URI health = URI.create("http://localhost:" + port + "/actuator/health");
    while (System.nanoTime() < deadline) {
      if (!isAlive()) {
        throw new IllegalStateException(name + " exited during start-up (see its output above)");
      }
      try {
        HttpResponse<String> response =
            HTTP.send(
                HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException notYetListening) {
        // keep polling until the deadline
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(name + " did not become healthy within " + timeout);
  }

  private void pumpOutput(Process running) {
    String prefix = String.format("%-16s| ", name);
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(running.getInputStream(), StandardCharsets.UTF_8))) {
      Writer copy = logFile();
      String line;
      while ((line = reader.readLine()) != null) {
        System.out.println(prefix + line);
        if (copy != null) {
          copy.write(line);
          copy.write('\n');
          copy.flush();
        }
      }
      if (copy != null) {
        copy.close();
      }
    } catch (IOException ended) {
      // the process ended; nothing more to copy
    }
  }

  private Writer logFile() throws IOException {
    String directory = System.getProperty(LOG_DIR_PROPERTY);
    if (directory == null || directory.isBlank()) {
      return null;
    }
    Path file = Path.of(directory).resolve(name + ".log");
    Files.createDirectories(file.getParent());
    return Files.newBufferedWriter(
        file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
