package org.civitas.policy.pseudonym;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Connection to the keys database, which is not the governed-data database.
 *
 * @param url JDBC URL, by default database {@code policy_keys} on the same server
 */
@ConfigurationProperties("civitas.keys.datasource")
record KeysDatabaseSettings(String url, String username, String password, Integer maximumPoolSize) {

  KeysDatabaseSettings {
    url = url == null ? "jdbc:postgresql://localhost:5432/policy_keys" : url;
    username = username == null ? "postgres" : username;
    password = password == null ? "" : password;
    maximumPoolSize = maximumPoolSize == null ? 4 : maximumPoolSize;
  }
}
