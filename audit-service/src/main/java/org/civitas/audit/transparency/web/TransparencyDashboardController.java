package org.civitas.audit.transparency.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Serves the dashboard pages; their scripts, styles and data come from the same origin. Web pages,
 * not API operations, so they stay out of the OpenAPI document.
 */
@Hidden
@Controller
class TransparencyDashboardController {

  private final SignInSettings signIn;

  TransparencyDashboardController(DashboardSettings settings) {
    this.signIn = SignInSettings.of(settings);
  }

  @GetMapping({"/transparency", "/transparency/"})
  String dashboard() {
    return "forward:/transparency/index.html";
  }

  /** The auditor view; the sign-in callback is the same page, which completes the sign-in. */
  @GetMapping({"/transparency/auditor", "/transparency/auditor/", SignInSettings.CALLBACK_PATH})
  String auditor() {
    return "forward:/transparency/auditor.html";
  }

  @GetMapping("/transparency/sign-in")
  @ResponseBody
  ResponseEntity<SignInSettings> signIn() {
    return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(signIn);
  }
}
