package org.civitas.testsupport;

/** Kafka and PostgreSQL as tests see them, whichever way they were started. */
public interface Infrastructure {

  String kafkaBootstrapServers();

  /** JDBC URL of the named database, creating it on first use. */
  String jdbcUrl(String database);

  String username();

  String password();

  /** Stops the broker, keeping its data, to test behaviour while Kafka is down. */
  void stopKafka();

  /** Starts the broker again on the same port with the same data. */
  void startKafka();
}
