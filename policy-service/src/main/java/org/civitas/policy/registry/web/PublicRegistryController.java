package org.civitas.policy.registry.web;

import org.civitas.policy.registry.PublicRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public, anonymous view of the registry (CONTRACT §9). */
@RestController
class PublicRegistryController {

  private final PublicRegistry publicRegistry;

  PublicRegistryController(PublicRegistry publicRegistry) {
    this.publicRegistry = publicRegistry;
  }

  @GetMapping("/api/v1/public/registry")
  PublicRegistry.Disclosure registry() {
    return publicRegistry.disclose();
  }
}
