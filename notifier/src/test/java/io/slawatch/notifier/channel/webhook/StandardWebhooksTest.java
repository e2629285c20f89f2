package io.slawatch.notifier.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class StandardWebhooksTest {
  @Test
  void the_reference_example_of_the_specification_signs_the_same() {
    // the test vector of the Standard Webhooks reference libraries
    assertThat(
            StandardWebhooks.headers(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330,
                "{\"test\": 2432232314}"))
        .containsEntry("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek")
        .containsEntry("webhook-timestamp", "1614265330")
        .containsEntry("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void a_receiver_verifying_with_the_secret_accepts_the_signature() throws Exception {
    byte[] key = "sixteen byte key".getBytes(StandardCharsets.UTF_8);
    String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
    String body = "{\"id\":\"T-1/first_response/1/sla.breached/1.0\"}";
    String signature =
        StandardWebhooks.headers(secret, "T-1/first_response/1/sla.breached/1.0", 1764000000, body)
            .get("webhook-signature");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    String expected =
        Base64.getEncoder()
            .encodeToString(
                mac.doFinal(
                    ("T-1/first_response/1/sla.breached/1.0.1764000000." + body)
                        .getBytes(StandardCharsets.UTF_8)));
    assertThat(signature).isEqualTo("v1," + expected);
  }

  @Test
  void a_secret_that_is_not_base64_is_named() {
    assertThatThrownBy(() -> StandardWebhooks.headers("whsec_not base64!", "id", 1, "{}"))
        .hasMessageContaining("slawatch.notifier.webhook.secret");
  }
}
