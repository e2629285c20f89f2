package io.slawatch.testinfra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A {@link Holder} in a JVM of its own, on this test JVM's classpath. */
final class ChildJvm {
  private final Process process;
  private final String readyValue;

  private ChildJvm(Process process, String readyValue) {
    this.process = process;
    this.readyValue = readyValue;
  }

  /** Starts {@code Holder args...} and waits for its "ready <value>" line. */
  static ChildJvm holding(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xmx128m",
            "-XX:TieredStopAtLevel=1",
            "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
            "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
            "-cp",
            System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
            Holder.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      return new ChildJvm(process, awaitReadyLine(process).substring(Holder.READY_PREFIX.length()));
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
  }

  long pid() {
    return process.pid();
  }

  /** What the holder printed after "ready ". */
  String readyValue() {
    return readyValue;
  }

  /** {@code kill -9}: none of the holder's shutdown hooks run. */
  void killHard() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the holder JVM " + process.pid() + " survived SIGKILL");
    }
  }

  /** The "ready ..." line; the holder's other output (client logs) is skipped. */
  private static String awaitReadyLine(Process holder) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> ready = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              StringBuilder seen = new StringBuilder();
              try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  if (!ready.isDone() && line.startsWith(Holder.READY_PREFIX)) {
                    ready.complete(line);
                  } else if (!ready.isDone()) {
                    seen.append(line).append('\n');
                  }
                }
              } catch (IOException e) {
                // the holder was killed
              }
              ready.completeExceptionally(
                  new IllegalStateException("the holder JVM ended before it was ready:\n" + seen));
            },
            "holder-output");
    reader.setDaemon(true);
    reader.start();
    return ready.get(90, TimeUnit.SECONDS);
  }
}
