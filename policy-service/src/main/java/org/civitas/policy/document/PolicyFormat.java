package org.civitas.policy.document;

/** The two notations a policy document may be written in. */
public enum PolicyFormat {
  YAML,
  JSON;

  /** JSON when the text starts like a JSON object, YAML otherwise. */
  public static PolicyFormat detect(String text) {
    return text.stripLeading().startsWith("{") ? JSON : YAML;
  }
}
