package org.civitas.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.civitas.contract.ContractJson;
import org.civitas.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The baseline against the shared test broker: what it reports is what the topic holds. */
class KafkaBaselineIntegrationTest {

  private final String bootstrap = TestInfrastructure.shared().kafkaBootstrapServers();

  @Test
  void everyAcknowledgedRecordIsInTheTopic() throws Exception {
    String topic = "civitas.loadtest.baseline-it-" + UUID.randomUUID();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        LoadTool.run(
            new String[] {
              "kafka-baseline",
              "--bootstrap=" + bootstrap,
              "--topic=" + topic,
              "--duration=2s",
              "--warmup=0s",
              "--batch=200",
              "--concurrency=2",
              "--progress=0",
              "--json"
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of());

    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(LoadTool.OK);
    JsonNode summary = ContractJson.mapper().readTree(out.toString(StandardCharsets.UTF_8));
    long acked = summary.get("accepted").longValue();
    assertThat(acked).isPositive().isEqualTo(summary.get("readingsSent").longValue());
    assertThat(summary.get("failedRequests").longValue()).isZero();
    assertThat(summary.get("statusCounts").get("acked").longValue())
        .isEqualTo(summary.get("requests").longValue());
    assertThat(summary.get("details").get("kafkaRecordSizeAvg").doubleValue()).isPositive();
    assertThat(endOffsets(topic)).isEqualTo(acked);
  }

  @Test
  void compareRunsBaselineThenIngestAndReportsTheirRatio() throws Exception {
    try (StubPlatform platform = new StubPlatform()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      String topic = "civitas.loadtest.compare-it-" + UUID.randomUUID();

      int status =
          LoadTool.run(
              new String[] {
                "ingest",
                "--gateway=" + platform.url(),
                "--token-url=" + platform.url() + "/oauth2/token",
                "--client-secret=" + StubPlatform.CLIENT_SECRET,
                "--baseline-bootstrap=" + bootstrap,
                "--topic=" + topic,
                "--duration=1s",
                "--warmup=0s",
                "--batch=100",
                "--concurrency=2",
                "--progress=0",
                "--json"
              },
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8),
              Map.of());

      assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(LoadTool.OK);
      JsonNode comparison = ContractJson.mapper().readTree(out.toString(StandardCharsets.UTF_8));
      double baseline = comparison.get("baseline").get("acceptedPerSecond").doubleValue();
      double ingest = comparison.get("ingest").get("acceptedPerSecond").doubleValue();
      assertThat(baseline).isPositive();
      assertThat(ingest).isPositive();
      assertThat(comparison.get("ingestToBaselineRatio").doubleValue())
          .isCloseTo(ingest / baseline, within(0.001));
      // the baseline wrote the vendor's sensors' readings, keyed like the raw topic
      assertThat(endOffsets(topic))
          .isEqualTo(comparison.get("baseline").get("accepted").longValue());
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("the ingest path reaches");
    }
  }

  private long endOffsets(String topic) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      int partitions =
          admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
      Map<TopicPartition, OffsetSpec> latest =
          IntStream.range(0, partitions)
              .boxed()
              .collect(
                  Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
      return admin.listOffsets(latest).all().get().values().stream()
          .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset)
          .sum();
    }
  }
}
