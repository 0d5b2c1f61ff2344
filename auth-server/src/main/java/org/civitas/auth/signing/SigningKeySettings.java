package org.civitas.auth.signing;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the signing key lives.
 *
 * @param keyFile JWK JSON file holding the private key; created on first start
 */
@ConfigurationProperties("civitas.auth")
record SigningKeySettings(@DefaultValue("./data/auth/signing-key.json") Path keyFile) {}
