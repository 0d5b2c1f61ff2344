package org.civitas.policy.ops;

import org.civitas.policy.support.PolicyServiceIntegrationTestSupport;
import org.civitas.testsupport.ApiDocumentCoverage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** An endpoint of this service missing from its OpenAPI document fails the build. */
class ApiDocumentIntegrationTest extends PolicyServiceIntegrationTestSupport {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void everyEndpointOfTheServiceIsInItsOpenApiDocument() {
    ApiDocumentCoverage.assertEveryEndpointDocumented(mappings, port);
  }
}
