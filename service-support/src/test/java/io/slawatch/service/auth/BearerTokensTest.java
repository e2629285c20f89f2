package io.slawatch.service.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.service.auth.BearerTokens.Presented;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BearerTokensTest {
  private final Map<String, BearerTokens.Token> tokens =
      Map.of(
          "ops", new BearerTokens.Token("s3cret-ops", List.of("read", "ack")),
          "bot", new BearerTokens.Token("s3cret-bot", List.of("ingest")));

  @Test
  void a_configured_token_presents_its_name_and_roles_whatever_the_schemes_case() {
    assertThat(BearerTokens.check("bearer s3cret-ops", tokens))
        .isEqualTo(new Presented.Known("ops", List.of("read", "ack")));
    assertThat(BearerTokens.check("Bearer  s3cret-bot ", tokens))
        .isEqualTo(new Presented.Known("bot", List.of("ingest")));
  }

  @Test
  void no_header_or_another_scheme_is_missing_and_a_wrong_token_is_unknown() {
    assertThat(BearerTokens.check(null, tokens)).isInstanceOf(Presented.Missing.class);
    assertThat(BearerTokens.check("Basic b3BzOnB3", tokens)).isInstanceOf(Presented.Missing.class);
    assertThat(BearerTokens.check("Bearer s3cret-op", tokens))
        .isInstanceOf(Presented.Unknown.class);
    assertThat(BearerTokens.check("Bearer ", tokens)).isInstanceOf(Presented.Unknown.class);
  }
}
