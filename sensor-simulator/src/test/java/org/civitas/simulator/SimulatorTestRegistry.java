package org.civitas.simulator;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civitas.contract.ContractJson;
import org.civitas.contract.Topics;
import org.civitas.contract.reading.Reading;
import org.civitas.contract.reading.Reading.Location;
import org.civitas.contract.registry.SensorRegistration;
import org.civitas.testsupport.TestInfrastructure;

/** Seeding the registry topic and reading the raw topic, as the platform around the simulator. */
public final class SimulatorTestRegistry {

  public static SensorRegistration sensor(
      String id, String vendorId, SensorRegistration.Status status, String... categories) {
    return new SensorRegistration(
        id,
        vendorId,
        "test",
        List.of(categories),
        List.of("traffic-planning"),
        new Location(43.6487, -79.3817),
        "CA-ON",
        List.of("CA"),
        null,
        null,
        null,
        null,
        status,
        Instant.now(),
        status == SensorRegistration.Status.ACTIVE ? null : Instant.now());
  }

  public static void register(SensorRegistration... registrations) {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.shared().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer())) {
      for (SensorRegistration registration : registrations) {
        producer
            .send(
                new ProducerRecord<>(
                    Topics.REGISTRY_SENSORS,
                    registration.sensorId(),
                    ContractJson.mapper().writeValueAsBytes(registration)))
            .get(10, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads the raw topic from the beginning until the readings seen satisfy the predicate. */
  static List<ConsumerRecord<String, Reading>> awaitRaw(
      Duration atMost, Predicate<List<ConsumerRecord<String, Reading>>> until) {
    List<ConsumerRecord<String, Reading>> seen = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.shared().kafkaBootstrapServers()),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      await()
          .atMost(atMost)
          .until(
              () -> {
                if (consumer.assignment().isEmpty()) {
                  List<TopicPartition> partitions =
                      consumer.partitionsFor(Topics.READINGS_RAW).stream()
                          .map(p -> new TopicPartition(p.topic(), p.partition()))
                          .toList();
                  if (partitions.isEmpty()) {
                    return false;
                  }
                  consumer.assign(partitions);
                  consumer.seekToBeginning(partitions);
                }
                for (ConsumerRecord<String, byte[]> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  seen.add(
                      new ConsumerRecord<>(
                          record.topic(),
                          record.partition(),
                          record.offset(),
                          record.key(),
                          ContractJson.mapper().readValue(record.value(), Reading.class)));
                }
                return until.test(seen);
              });
    }
    return seen;
  }

  static long count(List<ConsumerRecord<String, Reading>> records, String sensorId) {
    return records.stream().filter(r -> sensorId.equals(r.value().sensorId())).count();
  }

  private SimulatorTestRegistry() {}
}
