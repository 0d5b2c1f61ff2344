package org.civitas.audit.log;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the log consumes {@code civitas.audit.events}.
 *
 * @param enabled whether to consume at all (off only for tools that need the schema, not the feed)
 * @param groupId consumer group; every instance of the audit service shares it
 * @param maxPollRecords records appended per transaction at most
 * @param pollTimeout how long one poll waits for records
 * @param retryBackoff pause before retrying a batch the database refused
 */
@ConfigurationProperties("civitas.audit.consumer")
record ConsumerSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("audit-service") String groupId,
    @DefaultValue("5000") int maxPollRecords,
    @DefaultValue("PT0.5S") Duration pollTimeout,
    @DefaultValue("PT2S") Duration retryBackoff) {}
