package org.civitas.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The same servers as containers, for hosts with a Docker engine. */
final class ContainerInfrastructure implements Infrastructure {

  private final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
  private final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:18");
  private final Map<String, String> databases = new ConcurrentHashMap<>();

  ContainerInfrastructure() {
    kafka.start();
    postgres.start();
  }

  @Override
  public String kafkaBootstrapServers() {
    return kafka.getBootstrapServers();
  }

  @Override
  public String jdbcUrl(String database) {
    return databases.computeIfAbsent(
        database,
        name -> {
          try (Connection connection =
              DriverManager.getConnection(
                  postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword())) {
            connection.createStatement().execute("create database " + name);
          } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
          }
          return postgres.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        });
  }

  @Override
  public String username() {
    return postgres.getUsername();
  }

  @Override
  public String password() {
    return postgres.getPassword();
  }

  @Override
  public void stopKafka() {
    kafka.getDockerClient().pauseContainerCmd(kafka.getContainerId()).exec();
  }

  @Override
  public void startKafka() {
    kafka.getDockerClient().unpauseContainerCmd(kafka.getContainerId()).exec();
  }
}
