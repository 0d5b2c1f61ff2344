package org.civitas.audit.transparency.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the dashboard page; its script, styles and data come from the same origin. A web page, not
 * an API operation, so it stays out of the OpenAPI document.
 */
@Hidden
@Controller
class TransparencyDashboardController {

  @GetMapping({"/transparency", "/transparency/"})
  String dashboard() {
    return "forward:/transparency/index.html";
  }
}
