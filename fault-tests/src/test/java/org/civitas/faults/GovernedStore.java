package org.civitas.faults;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Reads policy-service's governed store directly (JDBC on the policy database), to compare the
 * stored readingIds with the accepted ones without paging through the data API.
 */
final class GovernedStore {

  private final String jdbcUrl;

  GovernedStore(String jdbcUrl) {
    this.jdbcUrl = jdbcUrl;
  }

  /** How many rows hold one of these readingIds, and how many distinct readingIds they hold. */
  Rows rowsOf(Collection<String> readingIds) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
        PreparedStatement statement =
            connection.prepareStatement(
                "select count(*), count(distinct reading_id) from governed_readings"
                    + " where reading_id = any(?)")) {
      Array ids = connection.createArrayOf("text", readingIds.toArray());
      statement.setArray(1, ids);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return new Rows(result.getLong(1), result.getLong(2));
      }
    } catch (SQLException e) {
      // PostgreSQL may be the thing that is down; the caller keeps waiting
      return new Rows(-1, -1);
    }
  }

  /**
   * @param rows rows holding one of the ids
   * @param distinct distinct ids among them; {@code rows - distinct} are duplicates
   */
  record Rows(long rows, long distinct) {
    long duplicates() {
      return rows - distinct;
    }
  }
}
