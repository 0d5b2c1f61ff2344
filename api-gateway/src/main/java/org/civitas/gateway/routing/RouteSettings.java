package org.civitas.gateway.routing;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where the services behind the gateway are, and how long to wait for them.
 *
 * @param ingestUri base URI of ingest-service
 * @param policyUri base URI of policy-service
 * @param auditUri base URI of audit-service
 * @param connectTimeout how long to try to reach a service before answering 503
 * @param responseTimeout how long to wait for a service's response headers before answering 503;
 *     long enough for an 8 MiB batch acknowledged by Kafka with acks=all
 * @param bufferedBodyLimit request bodies of declared length up to this are read whole before
 *     forwarding (cheaper per byte); larger ones are streamed, which bounds memory per request
 */
@ConfigurationProperties("civitas.gateway")
record RouteSettings(
    @DefaultValue("http://localhost:8081") URI ingestUri,
    @DefaultValue("http://localhost:8082") URI policyUri,
    @DefaultValue("http://localhost:8083") URI auditUri,
    @DefaultValue("PT2S") Duration connectTimeout,
    @DefaultValue("PT60S") Duration responseTimeout,
    @DefaultValue("512KB") DataSize bufferedBodyLimit) {}
