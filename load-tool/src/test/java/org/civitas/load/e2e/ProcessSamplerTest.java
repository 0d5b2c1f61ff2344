package org.civitas.load.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSamplerTest {

  @TempDir Path proc;

  @Test
  void countsThisCheckoutsServicesAndItsPostgresButNotOtherCheckouts() throws IOException {
    process(
        10,
        1,
        "java -Xmx512m -jar /work/a/policy-service/target/policy-service.jar",
        150,
        50,
        204800);
    process(
        11,
        1,
        "java -jar /work/a/policy-service/target/policy-service.jar --server.port=9",
        100,
        0,
        102400);
    process(12, 1, "java -jar /work/b/policy-service/target/policy-service.jar", 900, 0, 999999);
    process(20, 1, "/tmp/pg/bin/postgres -D /data -p 5432 -F", 10, 0, 1024);
    process(21, 20, "postgres: postgres policy 127.0.0.1(5) idle", 5, 5, 2048);
    process(30, 1, "/tmp/pg/bin/postgres -D /other -p 6543", 999, 0, 1024);

    Map<String, ProcessSampler.Usage> usage =
        new ProcessSampler(proc, Path.of("/work/a"), 5432).sample();

    assertThat(usage).containsOnlyKeys("policy-service", "postgres");
    assertThat(usage.get("policy-service").processes()).isEqualTo(2);
    assertThat(usage.get("policy-service").cpuSeconds()).isEqualTo(3.0);
    assertThat(usage.get("policy-service").rssBytes()).isEqualTo((204800L + 102400L) * 1024);
    assertThat(usage.get("postgres").processes()).isEqualTo(2);
    assertThat(usage.get("postgres").cpuSeconds()).isEqualTo(0.2);
    // PSS from smaps_rollup where the kernel has it, else the RSS as its upper bound
    assertThat(usage.get("policy-service").pssBytes()).isEqualTo((150000L + 102400L) * 1024);
    assertThat(usage.get("postgres").pssBytes()).isEqualTo((512L + 2048L) * 1024);
  }

  @Test
  void readsPssOnceEveryFewSamplesAndCpuEveryTime() throws IOException {
    process(10, 1, "java -jar /work/a/policy-service/target/policy-service.jar", 100, 0, 204800);
    ProcessSampler sampler = new ProcessSampler(proc, Path.of("/work/a"), 5432);
    assertThat(sampler.sample().get("policy-service").pssBytes()).isEqualTo(150000L * 1024);

    process(10, 1, "java -jar /work/a/policy-service/target/policy-service.jar", 300, 0, 204800);
    Files.writeString(proc.resolve("10").resolve("smaps_rollup"), "Pss:\t  160000 kB\n");
    ProcessSampler.Usage second = sampler.sample().get("policy-service");

    assertThat(second.cpuSeconds()).isEqualTo(3.0);
    assertThat(second.pssBytes()).isEqualTo(150000L * 1024);
    for (int i = 2; i < ProcessSampler.PSS_EVERY; i++) {
      sampler.sample();
    }
    assertThat(sampler.sample().get("policy-service").pssBytes()).isEqualTo(160000L * 1024);
  }

  private void process(int pid, int parent, String commandLine, long utime, long stime, long rssKb)
      throws IOException {
    Path dir = Files.createDirectories(proc.resolve(String.valueOf(pid)));
    Files.write(
        dir.resolve("cmdline"), commandLine.replace(' ', '\0').getBytes(StandardCharsets.UTF_8));
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
    Files.writeString(
        dir.resolve("stat"),
        pid + " (java x) S " + parent + " 0 0 0 0 0 0 0 0 0 " + utime + " " + stime + " 0 0");
    Files.writeString(dir.resolve("status"), "Name:\tjava\nVmRSS:\t  " + rssKb + " kB\n");
    Long pssKb = Map.of(10, 150000L, 20, 512L).get(pid);
    if (pssKb != null) {
      Files.writeString(
          dir.resolve("smaps_rollup"),
          "Rss:\t  " + rssKb + " kB\nPss:\t  " + pssKb + " kB\nPss_Anon:\t 1 kB\n");
    }
  }
}
