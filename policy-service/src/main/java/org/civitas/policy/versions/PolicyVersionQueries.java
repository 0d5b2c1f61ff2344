package org.civitas.policy.versions;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Read access to stored policy versions for the web layer. */
@Component
public class PolicyVersionQueries {

  private final PolicyVersions versions;
  private final PolicySettings settings;

  PolicyVersionQueries(PolicyVersions versions, PolicySettings settings) {
    this.versions = versions;
    this.settings = settings;
  }

  /** Every version, newest first, without document text. */
  public List<PolicyVersion> list() {
    return versions.list();
  }

  public Optional<PolicyVersion> find(long version) {
    return versions.find(version);
  }

  public int maxDocumentChars() {
    return settings.maxDocumentChars();
  }
}
