package io.slawatch.notifier.ack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The page a signed acknowledge link opens: the alert and a button whose form posts the link back.
 * Opening the link acknowledges nothing (mail scanners and chat previews open links).
 */
final class AckPage {
  private AckPage() {}

  static String html(String alertId, String state, long expires, String signature) {
    String action =
        "?expires=" + expires + "&sig=" + URLEncoder.encode(signature, StandardCharsets.UTF_8);
    boolean running = state.equals("active");
    return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="robots" content="noindex">
        <title>Acknowledge %1$s</title></head>
        <body>
        <h1>Acknowledge this alert?</h1>
        <p>Alert <code>%1$s</code>: its escalation is <strong>%2$s</strong>.</p>
        %3$s
        </body></html>
        """
        .formatted(
            escape(alertId),
            escape(running ? "running" : state),
            running
                ? "<form method=\"post\" action=\""
                    + escape(action)
                    + "\"><button type=\"submit\">Acknowledge: I am on it</button></form>"
                : "<p>Nothing to acknowledge.</p>");
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
