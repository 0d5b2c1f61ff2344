package org.civitas.policy.versions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The table of policy versions. Rows are only ever inserted. */
@Repository
class PolicyVersions {

  private static final String COLUMNS = "version, document, content_hash, author, published_at";

  private final JdbcTemplate jdbc;

  PolicyVersions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<PolicyVersion> latest() {
    return jdbc
        .query(
            "select " + COLUMNS + " from policy_versions order by version desc limit 1",
            PolicyVersions::map)
        .stream()
        .findFirst();
  }

  Optional<Long> latestVersion() {
    return Optional.ofNullable(
        jdbc.queryForObject("select max(version) from policy_versions", Long.class));
  }

  Optional<PolicyVersion> find(long version) {
    return jdbc
        .query(
            "select " + COLUMNS + " from policy_versions where version = ?",
            PolicyVersions::map,
            version)
        .stream()
        .findFirst();
  }

  /** Every version without its document text, newest first. */
  List<PolicyVersion> list() {
    return jdbc.query(
        "select version, null as document, content_hash, author, published_at"
            + " from policy_versions order by version desc",
        PolicyVersions::map);
  }

  /**
   * Stores the next version. Must run in a transaction: the table lock serializes concurrent
   * publications so that version numbers have no gaps and no duplicates.
   */
  PolicyVersion insertNext(String document, String contentHash, String author, Timestamp at) {
    jdbc.execute("lock table policy_versions in share row exclusive mode");
    long next =
        jdbc.queryForObject(
            "select coalesce(max(version), 0) + 1 from policy_versions", Long.class);
    jdbc.update(
        "insert into policy_versions (" + COLUMNS + ") values (?, ?, ?, ?, ?)",
        next,
        document,
        contentHash,
        author,
        at);
    return new PolicyVersion(next, document, contentHash, author, at.toInstant());
  }

  /** Stores version 1 unless any version exists; true when this call stored it. */
  boolean insertFirst(String document, String contentHash, String author, Timestamp at) {
    return jdbc.update(
            "insert into policy_versions ("
                + COLUMNS
                + ") select 1, ?, ?, ?, ? where not exists (select 1 from policy_versions)"
                + " on conflict do nothing",
            document,
            contentHash,
            author,
            at)
        == 1;
  }

  private static PolicyVersion map(ResultSet rs, int row) throws SQLException {
    return new PolicyVersion(
        rs.getLong("version"),
        rs.getString("document"),
        rs.getString("content_hash"),
        rs.getString("author"),
        rs.getTimestamp("published_at").toInstant());
  }
}
