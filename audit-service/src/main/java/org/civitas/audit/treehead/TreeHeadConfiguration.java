package org.civitas.audit.treehead;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The signing key, read from (or created in) its file. */
@Configuration
class TreeHeadConfiguration {

  private static final Logger log = LoggerFactory.getLogger(TreeHeadConfiguration.class);

  @Bean
  SigningKey treeHeadSigningKey(TreeHeadSettings settings) {
    SigningKey key = SigningKey.loadOrCreate(settings.signingKeyFile());
    log.info("tree heads are signed with Ed25519 key id {}", key.keyId());
    return key;
  }
}
