package org.civitas.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone setup promises that topics and rows survive a restart of the servers. */
class EmbeddedServersIntegrationTest {

  @TempDir Path data;

  @Test
  void kafkaRecordsSurviveABrokerRestart() throws Exception {
    String topic = "restart-" + UUID.randomUUID();
    EmbeddedKafka kafka = new EmbeddedKafka(data.resolve("kafka"), 0, Map.of()).start();
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "k", "kept")).get();
    }
    kafka.stop();
    kafka.start();
    try (var consumer =
        new KafkaConsumer<>(
            Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "restart-check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      String value = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (value == null && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          value = record.value();
        }
      }
      assertThat(value).isEqualTo("kept");
    } finally {
      kafka.stop();
    }
  }

  @Test
  void postgresRowsSurviveAServerRestart() throws Exception {
    EmbeddedPostgres postgres = new EmbeddedPostgres(data.resolve("postgres"), 0).start();
    postgres.createDatabases(List.of("restart_check"));
    try (Connection connection =
        DriverManager.getConnection(postgres.jdbcUrl("restart_check"), EmbeddedPostgres.USER, "")) {
      connection.createStatement().execute("create table kept (v text)");
      connection.createStatement().execute("insert into kept values ('row')");
    }
    postgres.stop();
    postgres.start();
    postgres.createDatabases(List.of("restart_check"));
    try (Connection connection =
            DriverManager.getConnection(
                postgres.jdbcUrl("restart_check"), EmbeddedPostgres.USER, "");
        ResultSet rows = connection.createStatement().executeQuery("select v from kept")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("row");
    } finally {
      postgres.stop();
    }
  }

  @Test
  void postgresCommitsReachTheDiskBeforeTheyReturn() throws Exception {
    EmbeddedPostgres postgres =
        new EmbeddedPostgres(data.resolve("postgres-durability"), 0).start();
    postgres.createDatabases(List.of("durability_check"));
    try (Connection connection =
            DriverManager.getConnection(
                postgres.jdbcUrl("durability_check"), EmbeddedPostgres.USER, "");
        ResultSet settings =
            connection
                .createStatement()
                .executeQuery(
                    "select current_setting('synchronous_commit'), current_setting('fsync')")) {
      assertThat(settings.next()).isTrue();
      assertThat(settings.getString(1)).isEqualTo("on");
      assertThat(settings.getString(2)).isEqualTo("on");
    } finally {
      postgres.stop();
    }
  }
}
