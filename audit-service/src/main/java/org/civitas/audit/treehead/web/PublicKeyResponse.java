package org.civitas.audit.treehead.web;

/** The log's Ed25519 public key as X.509 SubjectPublicKeyInfo PEM, with its key id. */
record PublicKeyResponse(String keyId, String publicKeyPem) {}
