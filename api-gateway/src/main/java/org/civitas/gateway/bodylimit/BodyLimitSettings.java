package org.civitas.gateway.bodylimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxSize largest request body forwarded: the 8 MiB batch limit of CONTRACT §4.2 plus room
 *     for the batch envelope, so that the ingest service, not the gateway, judges borderline
 *     batches
 */
@ConfigurationProperties("civitas.gateway.body-limit")
record BodyLimitSettings(@DefaultValue("8256KB") DataSize maxSize) {}
