package org.civitas.load.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time and resident memory of the platform's processes, read from {@code /proc} (Linux): each
 * service JVM is found by the jar on its command line, PostgreSQL by its executable name. Several
 * processes with one name (PostgreSQL's backends, two policy-service instances) are summed. RSS
 * sums over-count the memory processes share (PostgreSQL's shared buffers appear in every backend
 * that touched them); PSS ({@code /proc/<pid>/smaps_rollup}) charges each shared page in equal
 * parts to the processes mapping it, so PSS sums add up to the memory the platform really holds.
 */
final class ProcessSampler {

  /** Clock ticks per second of {@code /proc/<pid>/stat} times; 100 on every Linux we run on. */
  private static final double TICKS = 100.0;

  private static final List<String> JARS =
      List.of(
          "api-gateway",
          "ingest-service",
          "policy-service",
          "audit-service",
          "auth-server",
          "sensor-simulator",
          "standalone");

  /**
   * PSS is read on every this many samples, the last value kept in between: the kernel walks a
   * process's page tables to answer {@code smaps_rollup}, and reading it for every JVM and backend
   * once a second took the monitor thread 14 % of a core, on the machine it measures.
   */
  static final int PSS_EVERY = 5;

  /** CPU seconds, RSS and PSS of one process group at one moment. */
  record Usage(int processes, double cpuSeconds, long rssBytes, long pssBytes) {}

  private final Path proc;
  private final Path repository;
  private final int postgresPort;
  private final Map<String, Long> lastPssKb = new HashMap<>();
  private int samples;

  /**
   * @param repository the checkout whose service jars run: other checkouts' processes on the same
   *     machine are not counted
   * @param postgresPort the platform's PostgreSQL port, which tells its server from others
   */
  ProcessSampler(Path proc, Path repository, int postgresPort) {
    this.proc = proc;
    this.repository = repository.toAbsolutePath().normalize();
    this.postgresPort = postgresPort;
  }

  boolean available() {
    return Files.isDirectory(proc.resolve("self"));
  }

  /** Usage by process name: service jar names, {@code postgres}, and {@code load-tool} (us). */
  Map<String, Usage> sample() {
    Map<String, Usage> usage = new LinkedHashMap<>();
    boolean readPss = samples++ % PSS_EVERY == 0;
    long self = ProcessHandle.current().pid();
    List<Path> processes;
    try (Stream<Path> entries = Files.list(proc)) {
      processes =
          entries
              .filter(e -> e.getFileName().toString().chars().allMatch(Character::isDigit))
              .toList();
    } catch (IOException e) {
      return usage;
    }
    String postmaster = null;
    Map<Path, String> commandLines = new LinkedHashMap<>();
    for (Path process : processes) {
      String commandLine = commandLine(process);
      if (commandLine == null) {
        continue;
      }
      commandLines.put(process, commandLine);
      String executable = commandLine.split(" ", 2)[0];
      if (executable.endsWith("/postgres") && commandLine.contains(" -p " + postgresPort)) {
        postmaster = process.getFileName().toString();
      }
    }
    for (Map.Entry<Path, String> entry : commandLines.entrySet()) {
      Path process = entry.getKey();
      String pid = process.getFileName().toString();
      String name;
      if (Long.parseLong(pid) == self) {
        name = "load-tool";
      } else if (pid.equals(postmaster)
          || (postmaster != null && postmaster.equals(parent(process)))) {
        name = "postgres";
      } else {
        name = service(process, entry.getValue());
      }
      if (name == null) {
        continue;
      }
      Usage one = read(process, readPss);
      if (one != null) {
        usage.merge(
            name,
            one,
            (a, b) ->
                new Usage(
                    a.processes() + b.processes(),
                    a.cpuSeconds() + b.cpuSeconds(),
                    a.rssBytes() + b.rssBytes(),
                    a.pssBytes() + b.pssBytes()));
      }
    }
    return usage;
  }

  private String service(Path process, String commandLine) {
    for (String jar : JARS) {
      if (commandLine.contains(jar + ".jar") && ofThisCheckout(process, commandLine)) {
        return jar;
      }
    }
    return null;
  }

  /** Absolute jar paths name the checkout; {@code java -jar standalone/...} runs in it. */
  private boolean ofThisCheckout(Path process, String commandLine) {
    if (commandLine.contains(repository.toString() + "/")) {
      return true;
    }
    try {
      return Files.readSymbolicLink(process.resolve("cwd")).normalize().equals(repository);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static String commandLine(Path process) {
    try {
      String line =
          new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
              .replace('\0', ' ')
              .trim();
      return line.isEmpty() ? null : line;
    } catch (IOException e) {
      return null;
    }
  }

  private static String parent(Path process) {
    try {
      String stat = Files.readString(process.resolve("stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1];
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private Usage read(Path process, boolean readPss) {
    try {
      String stat = Files.readString(process.resolve("stat"));
      // fields after the command name, which is in parentheses and may hold spaces
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      long rssKb = 0;
      for (String line : Files.readAllLines(process.resolve("status"))) {
        if (line.startsWith("VmRSS:")) {
          rssKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
      String pid = process.getFileName().toString();
      Long pssKb = readPss ? null : lastPssKb.get(pid);
      if (pssKb == null) {
        pssKb = pssKb(process, rssKb);
        lastPssKb.put(pid, pssKb);
      }
      return new Usage(1, ticks / TICKS, rssKb * 1024, pssKb * 1024);
    } catch (IOException | RuntimeException e) {
      // the process ended between listing and reading
      return null;
    }
  }

  private static long pssKb(Path process, long rssKb) {
    try {
      for (String line : Files.readAllLines(process.resolve("smaps_rollup"))) {
        if (line.startsWith("Pss:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      // kernels before 4.14 have no smaps_rollup: RSS is the closest upper bound
    }
    return rssKb;
  }

  /** The names in a stable order: the services first, then the rest alphabetically. */
  static List<String> ordered(Map<String, ?> byName) {
    List<String> names = new ArrayList<>();
    for (String jar : JARS) {
      if (byName.containsKey(jar)) {
        names.add(jar);
      }
    }
    byName.keySet().stream().filter(n -> !names.contains(n)).sorted().forEach(names::add);
    return names;
  }
}
