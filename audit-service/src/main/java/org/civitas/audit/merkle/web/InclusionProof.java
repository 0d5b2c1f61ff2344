package org.civitas.audit.merkle.web;

import java.util.List;

/** RFC 9162 §2.1.3 inclusion proof; hashes base64, audit path nearest sibling first. */
record InclusionProof(long leafIndex, long treeSize, String leafHash, List<String> auditPath) {}
