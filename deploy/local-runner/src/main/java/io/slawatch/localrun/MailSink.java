package io.slawatch.localrun;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local run's SMTP server (GreenMail on 127.0.0.1): every e-mail the notifier sends (alerts of
 * the e-mail channel, customers' compliance reports) is kept as an {@code .eml} file in {@code
 * .slawatch/mail}, which any mail client opens. Nothing leaves the machine.
 */
final class MailSink implements AutoCloseable {
  private final GreenMail server;
  private final Path dir;
  private final ScheduledExecutorService saver =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "mail-sink");
            t.setDaemon(true);
            return t;
          });
  private int saved;

  private MailSink(GreenMail server, Path dir) {
    this.server = server;
    this.dir = dir;
  }

  static MailSink start(int port, Path dir) throws IOException {
    Files.createDirectories(dir);
    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    MailSink sink = new MailSink(server, dir);
    sink.saver.scheduleWithFixedDelay(sink::save, 1, 1, TimeUnit.SECONDS);
    return sink;
  }

  int port() {
    return server.getSmtp().getPort();
  }

  /** Writes the messages received since the last call, one file per copy. */
  private synchronized void save() {
    MimeMessage[] received = server.getReceivedMessages();
    for (; saved < received.length; saved++) {
      String stamp = java.time.LocalDateTime.now().toString().replace(':', '-');
      Path file = dir.resolve(String.format("%s-%03d.eml", stamp, saved));
      try (OutputStream out = Files.newOutputStream(file)) {
        received[saved].writeTo(out);
      } catch (IOException | MessagingException e) {
        System.err.println("[slawatch] could not save an e-mail to " + file + ": " + e);
      }
    }
  }

  @Override
  public void close() {
    saver.shutdown();
    save();
    server.stop();
  }
}
