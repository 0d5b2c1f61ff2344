package org.civitas.audit.log;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Records that could not be logged, raw. A record redelivered after a crash is stored once, keyed
 * by where it sits in Kafka.
 */
@Repository
class DeadLetters {

  private final JdbcTemplate jdbc;

  DeadLetters(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(List<DecodedRecord.Malformed> records) {
    if (records.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(
        "insert into audit_dead_letters (topic, kafka_partition, kafka_offset, raw, reason)"
            + " values (?, ?, ?, ?, ?) on conflict (topic, kafka_partition, kafka_offset) do nothing",
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws SQLException {
            DecodedRecord.Malformed record = records.get(i);
            ps.setString(1, record.source().topic());
            ps.setInt(2, record.source().partition());
            ps.setLong(3, record.source().offset());
            ps.setBytes(4, record.source().value());
            ps.setString(5, record.reason());
          }

          @Override
          public int getBatchSize() {
            return records.size();
          }
        });
  }

  long count() {
    return jdbc.queryForObject("select count(*) from audit_dead_letters", Long.class);
  }
}
