package io.slawatch.timer;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** The API tokens of the test profile ({@code %test.slawatch.timer.auth.tokens.*}). */
final class ApiTokens {
  static final String READ_AND_SIMULATE = "test-token-read-simulate";
  static final String READ_ONLY = "test-token-read";
  static final String SIMULATE_ONLY = "test-token-simulate";

  private ApiTokens() {}

  /** A request with the token that may call every API. */
  static RequestSpecification api() {
    return as(READ_AND_SIMULATE);
  }

  static RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token);
  }
}
