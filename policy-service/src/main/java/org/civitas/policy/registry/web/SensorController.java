package org.civitas.policy.registry.web;

import java.net.URI;
import java.util.List;
import org.civitas.contract.registry.SensorRegistration;
import org.civitas.kit.web.Problems;
import org.civitas.policy.registry.RegistrationRejected;
import org.civitas.policy.registry.RegistryPublicationPending;
import org.civitas.policy.registry.SensorAlreadyRegistered;
import org.civitas.policy.registry.SensorNotFound;
import org.civitas.policy.registry.SensorRegistry;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff management of the sensor registry (CONTRACT §9). */
@RestController
@RequestMapping("/api/v1/sensors")
class SensorController {

  private final SensorRegistry registry;

  SensorController(SensorRegistry registry) {
    this.registry = registry;
  }

  @PostMapping
  ResponseEntity<SensorRegistration> register(
      @RequestBody RegisterSensorRequest request, Authentication caller) {
    SensorRegistration registered = registry.register(request.toNewSensor(), caller);
    return ResponseEntity.created(URI.create("/api/v1/sensors/" + registered.sensorId()))
        .body(registered);
  }

  /** Every registered sensor, optionally only those of one status or vendor. */
  @GetMapping
  List<SensorRegistration> list(
      @RequestParam(required = false) SensorRegistration.Status status,
      @RequestParam(required = false) String vendorId) {
    return registry.all().stream()
        .filter(sensor -> status == null || sensor.status() == status)
        .filter(sensor -> vendorId == null || sensor.vendorId().equals(vendorId))
        .toList();
  }

  @GetMapping("/{sensorId}")
  SensorRegistration get(@PathVariable String sensorId) {
    return registry.find(sensorId).orElseThrow(() -> new SensorNotFound(sensorId));
  }

  @DeleteMapping("/{sensorId}")
  ResponseEntity<Void> decommission(@PathVariable String sensorId, Authentication caller) {
    registry.decommission(sensorId, caller);
    return ResponseEntity.noContent().build();
  }

  @ExceptionHandler(RegistrationRejected.class)
  ResponseEntity<ProblemDetail> rejected(RegistrationRejected e) {
    ProblemDetail problem =
        Problems.of(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "validation",
            "Registration is not valid",
            "The sensor was not registered; see errors.");
    problem.setProperty("errors", e.violations());
    return problem(problem);
  }

  @ExceptionHandler(SensorAlreadyRegistered.class)
  ResponseEntity<ProblemDetail> conflict(SensorAlreadyRegistered e) {
    return problem(
        Problems.of(
            HttpStatus.CONFLICT,
            "sensor-exists",
            "Sensor already registered",
            "A sensor with this sensorId is already registered; ids are never reused."));
  }

  @ExceptionHandler(SensorNotFound.class)
  ResponseEntity<ProblemDetail> notFound(SensorNotFound e) {
    return problem(
        Problems.of(
            HttpStatus.NOT_FOUND,
            "sensor-not-found",
            "Sensor not found",
            "No sensor is registered with this sensorId."));
  }

  @ExceptionHandler(RegistryPublicationPending.class)
  ResponseEntity<ProblemDetail> publicationPending(RegistryPublicationPending e) {
    ProblemDetail problem =
        Problems.of(
            HttpStatus.SERVICE_UNAVAILABLE,
            "registry-publication-pending",
            "Registry change not yet published",
            "The change is recorded and audited but Kafka did not acknowledge its publication, so"
                + " other services do not know it yet. It is published automatically once Kafka"
                + " is back.");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "10")
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
