package io.slawatch.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The catalogue of malformed and hostile requests ({@code malformed-requests.txt}): one request a
 * line, read into {@link Case}s with their macros expanded and their webhook signatures computed.
 *
 * <p>A line is {@code story | service METHOD path | options | expected | body}:
 *
 * <ul>
 *   <li>{@code service}: {@code intake}, {@code timer} or {@code notifier};
 *   <li>{@code options}, separated by spaces ({@code -} for none): {@code ce}, {@code batch},
 *       {@code json}, {@code text} (the content type), {@code ct:<type>}, {@code token:<name>} (a
 *       token of the service's, {@code none} for no Authorization header, {@code bad} for an
 *       unknown one; default the token with every role), {@code h:<Name>:<value>} (a header),
 *       {@code sign:<vendor>} (signs the body as that vendor's webhook does, with the test source's
 *       secret, and gives it a delivery id unless an {@code h:} option does);
 *   <li>{@code expected}: the status ({@code 400}, or {@code 4xx} for any refusal) and, when the
 *       request reaches validation, the field its problem must name ({@code ""} for the body as a
 *       whole);
 *   <li>{@code body}: the rest of the line, {@code -} for none.
 * </ul>
 *
 * Macros, in the path, header values and the body: {@code ${RUN}} (this run's marker), {@code ${N}}
 * (the case's line number), {@code ${rep:<count>:<text>}} (text repeated; braces in it balanced),
 * {@code ${hex:<hex>}} (raw bytes, e.g. invalid UTF-8), {@code ${everyday}} (every month-day of a
 * leap year, quoted and comma-separated: a calendar whose every day is a holiday).
 */
final class MalformedCatalogue {
  static final String RESOURCE = "/malformed-requests.txt";

  /** Each webhook source of the test stack: vendor, secret. */
  static final Map<String, String[]> WEBHOOK_SOURCES =
      Map.of(
          "mal-gh", new String[] {"github", "gh-secret"},
          "mal-zd", new String[] {"zendesk", "zd-secret"},
          "mal-jira", new String[] {"jira", "jira-secret"},
          "mal-zm", new String[] {"zammad", "zm-secret"},
          "mal-fd", new String[] {"freshdesk", "fd-secret"},
          "mal-gl", new String[] {"gitlab", "gl-secret"});

  private MalformedCatalogue() {}

  /** One request of the catalogue and the answer it must get. */
  record Case(
      int line,
      String story,
      String service,
      String method,
      String path,
      String token,
      Map<String, String> headers,
      byte[] body,
      String status,
      String field) {
    @Override
    public String toString() {
      return service + " #" + line + ": " + story;
    }

    boolean statusMatches(int actual) {
      return status.endsWith("xx")
          ? actual / 100 == status.charAt(0) - '0'
          : actual == Integer.parseInt(status);
    }
  }

  static List<Case> load(String run) {
    String text;
    try (InputStream in = MalformedCatalogue.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the test resources");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Case> cases = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        cases.add(parse(i + 1, line, run));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            RESOURCE + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return cases;
  }

  private static Case parse(int number, String line, String run) {
    String[] columns = line.split(" \\| ", 5);
    if (columns.length != 5) {
      throw new IllegalArgumentException(
          "expected story | service METHOD path | options | expected | body");
    }
    String[] request = columns[1].trim().split(" ", 3);
    String service = request[0];
    if (!List.of("intake", "timer", "notifier").contains(service)) {
      throw new IllegalArgumentException("unknown service " + service);
    }
    Map<String, String> vars = Map.of("RUN", run, "N", Integer.toString(number));
    String path = text(expand(request[2], vars));
    byte[] body = columns[4].trim().equals("-") ? null : expand(columns[4].trim(), vars);
    String token = "all";
    Map<String, String> headers = new LinkedHashMap<>();
    String sign = null;
    for (String option : columns[2].trim().split(" ")) {
      switch (option) {
        case "-", "" -> {}
        case "ce" -> headers.put("Content-Type", "application/cloudevents+json");
        case "batch" -> headers.put("Content-Type", "application/cloudevents-batch+json");
        case "json" -> headers.put("Content-Type", "application/json");
        case "text" -> headers.put("Content-Type", "text/plain");
        default -> {
          if (option.startsWith("ct:")) {
            headers.put("Content-Type", text(expand(option.substring(3), vars)));
          } else if (option.startsWith("token:")) {
            token = option.substring(6);
          } else if (option.startsWith("h:")) {
            int colon = option.indexOf(':', 2);
            headers.put(
                option.substring(2, colon), text(expand(option.substring(colon + 1), vars)));
          } else if (option.startsWith("sign:")) {
            sign = option.substring(5);
          } else {
            throw new IllegalArgumentException("unknown option " + option);
          }
        }
      }
    }
    if (sign != null) {
      sign(sign, body == null ? new byte[0] : body, headers, run + "-" + number);
    }
    String[] expected = columns[3].trim().split(" ", 2);
    String field = null;
    if (expected.length == 2) {
      field = expected[1].equals("\"\"") ? "" : expected[1];
    }
    return new Case(
        number,
        columns[0].trim(),
        service,
        request[1],
        path,
        token,
        headers,
        body,
        expected[0],
        field);
  }

  /**
   * A webhook's signature (and delivery id), as the vendor computes it, with the source's secret.
   */
  private static void sign(String vendor, byte[] body, Map<String, String> headers, String id) {
    String secret =
        WEBHOOK_SOURCES.values().stream()
            .filter(s -> s[0].equals(vendor))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no source for vendor " + vendor))[1];
    switch (vendor) {
      case "github" -> {
        headers.put("X-Hub-Signature-256", "sha256=" + hex("HmacSHA256", secret, body));
        headers.putIfAbsent("X-GitHub-Delivery", "d-" + id);
        headers.putIfAbsent("X-GitHub-Event", "issues");
      }
      case "zendesk" -> {
        String timestamp = headers.getOrDefault("X-Zendesk-Webhook-Signature-Timestamp", "1");
        headers.put("X-Zendesk-Webhook-Signature-Timestamp", timestamp);
        byte[] signed = concat(timestamp.getBytes(StandardCharsets.UTF_8), body);
        headers.put(
            "X-Zendesk-Webhook-Signature",
            Base64.getEncoder().encodeToString(hmac("HmacSHA256", secret, signed)));
        headers.putIfAbsent("X-Zendesk-Webhook-Invocation-Id", "d-" + id);
      }
      case "jira" -> {
        headers.put("X-Hub-Signature", "sha256=" + hex("HmacSHA256", secret, body));
        headers.putIfAbsent("X-Atlassian-Webhook-Identifier", "d-" + id);
      }
      case "zammad" -> {
        headers.put("X-Hub-Signature", "sha1=" + hex("HmacSHA1", secret, body));
        headers.putIfAbsent("X-Zammad-Delivery", "d-" + id);
      }
      case "freshdesk" -> headers.putIfAbsent("X-Slawatch-Token", secret);
      case "gitlab" -> {
        headers.putIfAbsent("X-Gitlab-Token", secret);
        headers.putIfAbsent("X-Gitlab-Event-UUID", "d-" + id);
      }
      default -> throw new IllegalArgumentException("cannot sign as " + vendor);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static byte[] hmac(String algorithm, String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
      return mac.doFinal(body);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(String algorithm, String secret, byte[] body) {
    return HexFormat.of().formatHex(hmac(algorithm, secret, body));
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The text with its macros expanded, as bytes (UTF-8, and raw bytes where {@code ${hex:}}). */
  static byte[] expand(String template, Map<String, String> vars) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < template.length()) {
      int start = template.indexOf("${", i);
      if (start < 0) {
        out.writeBytes(template.substring(i).getBytes(StandardCharsets.UTF_8));
        break;
      }
      out.writeBytes(template.substring(i, start).getBytes(StandardCharsets.UTF_8));
      int depth = 0;
      int end = start + 2;
      for (; end < template.length(); end++) {
        char c = template.charAt(end);
        if (c == '{') {
          depth++;
        } else if (c == '}') {
          if (depth == 0) {
            break;
          }
          depth--;
        }
      }
      if (end >= template.length()) {
        throw new IllegalArgumentException("unclosed ${ at " + start);
      }
      out.writeBytes(macro(template.substring(start + 2, end), vars));
      i = end + 1;
    }
    return out.toByteArray();
  }

  private static byte[] macro(String macro, Map<String, String> vars) {
    if (vars.containsKey(macro)) {
      return vars.get(macro).getBytes(StandardCharsets.UTF_8);
    }
    if (macro.startsWith("rep:")) {
      int colon = macro.indexOf(':', 4);
      int count = Integer.parseInt(macro.substring(4, colon));
      byte[] unit = expand(macro.substring(colon + 1), vars);
      ByteArrayOutputStream out = new ByteArrayOutputStream(unit.length * count);
      for (int k = 0; k < count; k++) {
        out.writeBytes(unit);
      }
      return out.toByteArray();
    }
    if (macro.startsWith("hex:")) {
      return HexFormat.of().parseHex(macro.substring(4).replace(" ", ""));
    }
    if (macro.equals("everyday")) {
      return Stream.iterate(LocalDate.of(2028, 1, 1), d -> d.getYear() == 2028, d -> d.plusDays(1))
          .map(d -> "\"" + d.format(DateTimeFormatter.ofPattern("MM-dd")) + "\"")
          .collect(Collectors.joining(","))
          .getBytes(StandardCharsets.UTF_8);
    }
    throw new IllegalArgumentException("unknown macro ${" + macro + "}");
  }
}
