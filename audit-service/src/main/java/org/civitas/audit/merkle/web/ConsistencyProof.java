package org.civitas.audit.merkle.web;

import java.util.List;

/** RFC 9162 §2.1.4 consistency proof between tree sizes {@code first <= second}; hashes base64. */
record ConsistencyProof(long first, long second, List<String> proof) {}
