package org.civitas.kit.web;

import org.springframework.http.ProblemDetail;

/** Ends a request with the given problem body; thrown by domain code at the web edge. */
public class ProblemException extends RuntimeException {

  private final ProblemDetail problem;

  public ProblemException(ProblemDetail problem) {
    super(problem.getDetail());
    this.problem = problem;
  }

  public ProblemDetail problem() {
    return problem;
  }
}
