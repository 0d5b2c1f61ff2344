package org.civitas.simulator;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.civitas.simulator.generation.ReadingGenerator;
import org.civitas.simulator.registry.RegisteredSensors;
import org.civitas.simulator.sink.HttpSink;
import org.civitas.simulator.sink.KafkaSink;
import org.civitas.simulator.sink.ReadingSink;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;

/** Simulated city sensors: follows the registry and plays every active sensor. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SensorSimulatorApplication {

  public static void main(String[] args) {
    SpringApplication.run(SensorSimulatorApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean(destroyMethod = "close")
  ReadingSink readingSink(SimulatorSettings settings, KafkaProperties kafka, Clock clock) {
    if (settings.via() == SimulatorSettings.Via.HTTP) {
      return new HttpSink(
          settings.gatewayUrl(),
          settings.tokenUrl(),
          settings.vendors(),
          settings.batchSize(),
          settings.requestTimeout(),
          clock);
    }
    Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "snappy");
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "sensor-simulator");
    return new KafkaSink(config);
  }

  @Bean
  Simulation simulation(
      RegisteredSensors sensors, ReadingSink sink, SimulatorSettings settings, Clock clock) {
    return new Simulation(sensors, new ReadingGenerator(new Random(), clock), sink, settings);
  }
}
