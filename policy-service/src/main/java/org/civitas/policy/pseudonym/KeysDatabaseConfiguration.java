package org.civitas.policy.pseudonym;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The keys database. Its beans are not default candidates, so that the auto-configured {@code
 * spring.datasource} stays the one DataSource that Flyway, JdbcTemplate and transactions use for
 * the governed data; only code that asks for {@code @Qualifier("keys")} gets this one.
 */
@Configuration(proxyBeanMethods = false)
class KeysDatabaseConfiguration {

  static final String KEYS = "keys";

  @Bean(defaultCandidate = false, destroyMethod = "close")
  @Qualifier(KEYS)
  HikariDataSource keysDataSource(KeysDatabaseSettings settings) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setPoolName("keys");
    dataSource.setJdbcUrl(settings.url());
    dataSource.setUsername(settings.username());
    dataSource.setPassword(settings.password());
    dataSource.setMaximumPoolSize(settings.maximumPoolSize());
    Flyway.configure().dataSource(dataSource).locations("classpath:db/keys").load().migrate();
    return dataSource;
  }

  @Bean
  PseudonymKeyStore pseudonymKeyStore(
      @Qualifier(KEYS) HikariDataSource keysDataSource, PseudonymSettings settings, Clock clock) {
    return new PseudonymKeyStore(new JdbcTemplate(keysDataSource), settings.grace(), clock);
  }
}
