package io.slawatch.notifier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/** A real SMTP server (GreenMail) with the notifier's e-mail channel pointed at it. */
public class MailServerResource implements QuarkusTestResourceLifecycleManager {
  static GreenMail smtp;

  @Override
  public Map<String, String> start() {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    return Map.of(
        "slawatch.notifier.email.enabled", "true",
        "slawatch.notifier.email.default-to", "support-leads@example.com",
        "quarkus.mailer.host", "127.0.0.1",
        "quarkus.mailer.port", Integer.toString(port),
        "quarkus.mailer.from", "slawatch@example.com",
        "quarkus.mailer.tls", "false",
        "quarkus.mailer.start-tls", "DISABLED");
  }

  @Override
  public void stop() {
    if (smtp != null) {
      smtp.stop();
    }
  }
}
