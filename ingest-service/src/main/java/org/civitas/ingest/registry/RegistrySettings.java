package org.civitas.ingest.registry;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the registry topic is followed.
 *
 * @param pollTimeout longest wait for new registrations in one poll
 * @param partitionRefresh how often to look for partitions added to the topic
 * @param retryBackoff pause after a failed poll, or while the topic does not exist yet
 * @param apiTimeout bound on metadata and offset look-ups, so a dead broker cannot hang the thread
 */
@ConfigurationProperties("civitas.ingest.registry")
record RegistrySettings(
    @DefaultValue("PT0.5S") Duration pollTimeout,
    @DefaultValue("PT30S") Duration partitionRefresh,
    @DefaultValue("PT1S") Duration retryBackoff,
    @DefaultValue("PT10S") Duration apiTimeout) {}
