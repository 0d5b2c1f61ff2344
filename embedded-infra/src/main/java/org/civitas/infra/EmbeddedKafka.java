package org.civitas.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker in KRaft mode (combined broker and controller) running in this JVM.
 * Its log directory is formatted once and then reused, so topics and records survive a restart.
 */
public final class EmbeddedKafka implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

  private final Path dataDirectory;
  private final int brokerPort;
  private final int controllerPort;
  private final Map<String, String> extraConfig;
  private KafkaRaftServer server;

  /**
   * @param dataDirectory where the broker keeps its logs; created and formatted when empty
   * @param brokerPort client port on 127.0.0.1; 0 picks a free one
   * @param extraConfig broker settings that override the defaults
   */
  public EmbeddedKafka(Path dataDirectory, int brokerPort, Map<String, String> extraConfig) {
    this.dataDirectory = dataDirectory;
    this.brokerPort = brokerPort == 0 ? FreePorts.next() : brokerPort;
    this.controllerPort = FreePorts.next();
    this.extraConfig = Map.copyOf(extraConfig);
  }

  public synchronized EmbeddedKafka start() {
    if (server != null) {
      return this;
    }
    Properties props = brokerProperties();
    formatOnce(props);
    server = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
    server.startup();
    log.info("Kafka broker (KRaft) listening on {}", bootstrapServers());
    return this;
  }

  /** Stops the broker; its data stays on disk and a later {@link #start()} picks it up. */
  public synchronized void stop() {
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
    }
  }

  public boolean isRunning() {
    return server != null;
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + brokerPort;
  }

  @Override
  public void close() {
    stop();
  }

  private Properties brokerProperties() {
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    props.put(
        "listeners",
        "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("log.dirs", dataDirectory.resolve("logs").toString());
    props.put("num.partitions", "6");
    props.put("default.replication.factor", "1");
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "6");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("min.insync.replicas", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("auto.create.topics.enable", "true");
    props.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
    props.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.putAll(extraConfig);
    return props;
  }

  private void formatOnce(Properties props) {
    Path logs = dataDirectory.resolve("logs");
    if (Files.exists(logs.resolve("meta.properties"))) {
      return;
    }
    try {
      Files.createDirectories(logs);
      Path configFile = dataDirectory.resolve("server.properties");
      try (var out = Files.newOutputStream(configFile)) {
        props.store(out, "written by Civitas to format the log directory");
      }
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      int exit =
          StorageTool.execute(
              new String[] {
                "format",
                "--cluster-id",
                Uuid.randomUuid().toString(),
                "--config",
                configFile.toString(),
                "--ignore-formatted"
              },
              new PrintStream(output, true, StandardCharsets.UTF_8));
      if (exit != 0) {
        throw new IllegalStateException(
            "formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
