package org.civitas.load.groups;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.civitas.load.run.SetupException;

/**
 * {@code load-tool groups}: each member of the given consumer groups with the partitions assigned
 * to it, and the group's lag per partition, the way {@code kafka-consumer-groups.sh --describe}
 * shows it.
 */
public final class ConsumerGroups {

  private ConsumerGroups() {}

  public static String describe(String bootstrap, List<String> groups) {
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "civitas-load-tool-groups");
    StringBuilder out = new StringBuilder();
    try (Admin admin = Admin.create(config)) {
      Map<String, ConsumerGroupDescription> described =
          admin.describeConsumerGroups(groups).all().get(30, TimeUnit.SECONDS);
      for (String group : groups) {
        ConsumerGroupDescription description = described.get(group);
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin
                .listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        committed.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> ends =
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
        out.append(
            String.format(
                "== group %s: state %s, %d member(s) ==%n",
                group, description.groupState(), description.members().size()));
        List<MemberDescription> members = new ArrayList<>(description.members());
        members.sort(Comparator.comparing(MemberDescription::host));
        for (MemberDescription member : members) {
          List<TopicPartition> partitions = new ArrayList<>(member.assignment().topicPartitions());
          partitions.sort(
              Comparator.comparing(TopicPartition::topic)
                  .thenComparingInt(TopicPartition::partition));
          out.append(
              String.format(
                  "  member %s (client %s, host %s)%n",
                  member.consumerId(), member.clientId(), member.host()));
          for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            ListOffsetsResultInfo end = ends.get(partition);
            out.append(
                String.format(
                    "    %s-%d  committed %s  end %s  lag %s%n",
                    partition.topic(),
                    partition.partition(),
                    offset == null ? "-" : offset.offset(),
                    end == null ? "-" : end.offset(),
                    offset == null || end == null ? "-" : end.offset() - offset.offset()));
          }
        }
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new SetupException(
          "cannot describe consumer groups at "
              + bootstrap
              + " ("
              + e.getClass().getSimpleName()
              + ")",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SetupException("interrupted", e);
    }
    return out.toString();
  }
}
