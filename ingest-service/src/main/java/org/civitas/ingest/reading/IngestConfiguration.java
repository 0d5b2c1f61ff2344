package org.civitas.ingest.reading;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.civitas.ingest.registry.Sensors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the ingest use case. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

  @Bean
  ReadingIntake readingIntake(Sensors sensors, Clock clock, IngestSettings settings) {
    return new ReadingIntake(sensors, clock, settings);
  }

  @Bean
  ReadingIngestion readingIngestion(
      Sensors sensors,
      ReadingIntake intake,
      RawReadings rawReadings,
      IngestSettings settings,
      Clock clock,
      ObjectProvider<MeterRegistry> meters) {
    RecentReadingIds recentIds =
        new RecentReadingIds(
            settings.duplicates().capacity(), settings.duplicates().window(), clock);
    return new ReadingIngestion(
        sensors, intake, recentIds, rawReadings, meters.getIfAvailable(SimpleMeterRegistry::new));
  }
}
