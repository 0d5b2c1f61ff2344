package org.civitas.audit.treehead;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tree-head signing.
 *
 * @param signingKeyFile PEM file with the Ed25519 key pair; created (mode 0600) on first start
 * @param treeHeadInterval how often to sign a new head while the log grows (CONTRACT: at most 10 s)
 */
@ConfigurationProperties("civitas.audit")
record TreeHeadSettings(
    @DefaultValue("./data/audit/tree-head-key.pem") Path signingKeyFile,
    @DefaultValue("PT10S") Duration treeHeadInterval) {}
