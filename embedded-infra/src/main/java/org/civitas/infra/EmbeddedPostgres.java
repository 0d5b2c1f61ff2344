package org.civitas.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 18 server from zonky's packaged binaries, with its data directory kept across
 * restarts. Creates one database per service on request, so that no service reads another's tables.
 */
public final class EmbeddedPostgres implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);

  public static final String USER = "postgres";

  private final Path dataDirectory;
  private final int port;
  private io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

  /**
   * @param dataDirectory where the cluster lives; initialized when empty, reused otherwise
   * @param port port on localhost; 0 picks a free one
   */
  public EmbeddedPostgres(Path dataDirectory, int port) {
    this.dataDirectory = dataDirectory;
    this.port = port == 0 ? FreePorts.next() : port;
  }

  public synchronized EmbeddedPostgres start() {
    if (server != null) {
      return this;
    }
    try {
      Files.createDirectories(dataDirectory);
      server =
          io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setServerConfig("max_connections", "200")
              .setServerConfig("shared_buffers", "128MB")
              // ingestion writes ~10 MB of WAL a second; at the default 1 GB a checkpoint came
              // every ~100 s and each was followed by a full-page image of every page touched
              // again: 9.7 GB of WAL instead of 1.1 GB, and 9k governed rows/s instead of 14-16k
              // (docs/performance.md). Crash recovery replays at most this much.
              .setServerConfig("max_wal_size", "4GB")
              .setServerConfig("checkpoint_timeout", "10min")
              .setServerConfig("fsync", "on")
              // zonky's default is off (fast tests); a commit must be on disk before the services
              // commit their Kafka offsets, or a machine crash loses acknowledged data
              .setServerConfig("synchronous_commit", "on")
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start", e);
    }
    log.info("PostgreSQL listening on localhost:{}", port);
    return this;
  }

  /** Stops the server; the data directory stays and a later {@link #start()} reuses it. */
  public synchronized void stop() {
    if (server != null) {
      try {
        server.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server = null;
    }
  }

  public boolean isRunning() {
    return server != null;
  }

  public int port() {
    return port;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port + "/" + database;
  }

  /** Creates each database unless it exists already. */
  public void createDatabases(List<String> databases) {
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      for (String database : databases) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
          throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (ResultSet exists =
            statement.executeQuery(
                "select 1 from pg_database where datname = '" + database + "'")) {
          if (exists.next()) {
            continue;
          }
        }
        statement.execute("create database " + database);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not create databases", e);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
