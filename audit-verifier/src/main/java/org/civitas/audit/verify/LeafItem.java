package org.civitas.audit.verify;

import tools.jackson.databind.JsonNode;

/**
 * One leaf as a verifier receives it: where it claims to sit, the leaf hash the log claims for it
 * (null when the source has none), and the event.
 */
record LeafItem(long leafIndex, String leafHash, JsonNode event) {}
