package org.civitas.simulator.sink;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.civitas.contract.ContractJson;
import org.civitas.contract.reading.Reading;
import org.civitas.simulator.sink.VendorTokens.TokenUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Posts readings the way a vendor does: batches of {@code { "readings": [...] }} to the public
 * ingest endpoint, with that vendor's bearer token, only for sensors registered to it.
 */
public final class HttpSink implements ReadingSink {

  private static final Logger log = LoggerFactory.getLogger(HttpSink.class);

  private final HttpClient http;
  private final URI ingestUrl;
  private final VendorTokens tokens;
  private final int batchSize;
  private final Duration timeout;
  private final SinkStats stats = new SinkStats();

  /**
   * @param gatewayUrl base URL of the gateway (or of ingest-service itself)
   * @param tokenUrl OAuth2 token endpoint
   * @param vendors credentials by vendor id
   */
  public HttpSink(
      URI gatewayUrl,
      URI tokenUrl,
      Map<String, VendorCredentials> vendors,
      int batchSize,
      Duration timeout,
      Clock clock) {
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.ingestUrl = gatewayUrl.resolve("/api/v1/ingest/readings");
    this.tokens = new VendorTokens(http, tokenUrl, vendors, clock, timeout);
    this.batchSize = Math.max(1, batchSize);
    this.timeout = timeout;
  }

  @Override
  public boolean serves(String vendorId) {
    return tokens.knows(vendorId);
  }

  @Override
  public void send(String vendorId, List<Reading> readings) {
    for (int from = 0; from < readings.size(); from += batchSize) {
      List<Reading> batch = readings.subList(from, Math.min(readings.size(), from + batchSize));
      stats.sent(batch.size());
      post(vendorId, batch);
    }
  }

  private void post(String vendorId, List<Reading> batch) {
    byte[] body = ContractJson.mapper().writeValueAsBytes(Map.of("readings", batch));
    try {
      HttpResponse<String> response = post(vendorId, body);
      if (response.statusCode() == 401) {
        // the token may have been revoked or the issuer restarted: one fresh try
        tokens.forget(vendorId);
        response = post(vendorId, body);
      }
      if (response.statusCode() != 202) {
        stats.failed(batch.size(), "HTTP " + response.statusCode());
        return;
      }
      JsonNode report = ContractJson.mapper().readTree(response.body());
      stats.delivered(report.path("accepted").asLong(0));
      stats.duplicates(report.path("duplicates").asLong(0));
      stats.rejected(report.path("rejected").size());
    } catch (TokenUnavailableException e) {
      stats.failed(batch.size(), "token: " + e.getMessage());
    } catch (IOException | JacksonException e) {
      stats.failed(batch.size(), e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stats.failed(batch.size(), "interrupted");
    }
  }

  private HttpResponse<String> post(String vendorId, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(ingestUrl)
            .timeout(timeout)
            .header("Authorization", "Bearer " + tokens.token(vendorId))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    log.debug("ingest answered {} for a batch of vendor {}", response.statusCode(), vendorId);
    return response;
  }

  @Override
  public SinkStats stats() {
    return stats;
  }

  @Override
  public void close() {
    // java.net.http.HttpClient on Java 17 has nothing to close
  }
}
