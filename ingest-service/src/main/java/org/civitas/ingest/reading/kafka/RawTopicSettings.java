package org.civitas.ingest.reading.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How readings are written to the raw topic.
 *
 * @param publishTimeout longest wait for all acknowledgements of one request before answering 503
 * @param linger how long the producer waits to fill a batch; a few ms trade latency for throughput
 * @param compression producer compression codec: snappy, because Kafka's lz4 runs as pure Java here
 *     (lz4-java's safe compressor): in the same run, the raw producer acknowledged ~30 % more
 *     readings/s with snappy (native) at the same compression ratio (docs/performance.md)
 * @param batchSize producer batch size per partition
 * @param retention retention of the raw topic when this service creates it (CONTRACT §5: short)
 * @param createTopic whether to create the raw topic at start-up when it does not exist
 */
@ConfigurationProperties("civitas.ingest.raw-topic")
record RawTopicSettings(
    @DefaultValue("PT10S") Duration publishTimeout,
    @DefaultValue("PT0.005S") Duration linger,
    @DefaultValue("snappy") String compression,
    @DefaultValue("256KB") DataSize batchSize,
    @DefaultValue("PT1H") Duration retention,
    @DefaultValue("true") boolean createTopic) {}
