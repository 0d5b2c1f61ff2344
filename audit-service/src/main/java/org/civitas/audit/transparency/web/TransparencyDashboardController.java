package org.civitas.audit.transparency.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Serves the dashboard page; its script, styles and data come from the same origin. */
@Controller
class TransparencyDashboardController {

  @GetMapping({"/transparency", "/transparency/"})
  String dashboard() {
    return "forward:/transparency/index.html";
  }
}
