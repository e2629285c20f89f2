package io.slawatch.testinfra;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads what a child process appended to its log file since a given offset. */
final class LogTail {
  private static final int TAIL_BYTES = 32 * 1024;

  private final Path file;
  private final long from;
  private long position;
  private String carry = "";

  LogTail(Path file, long from) {
    this.file = file;
    this.from = from;
    this.position = from;
  }

  /**
   * Whether the text appended since the start offset contains {@code text}; reads only new bytes.
   */
  boolean contains(String text) {
    String fresh = readFrom(position, Integer.MAX_VALUE);
    position += fresh.getBytes(StandardCharsets.UTF_8).length;
    String window = carry + fresh;
    if (window.contains(text)) {
      return true;
    }
    carry = window.substring(Math.max(0, window.length() - text.length()));
    return false;
  }

  /** The last {@code count} lines appended since the start offset. */
  String lastLines(int count) {
    long length = file.toFile().length();
    long start = Math.max(from, length - TAIL_BYTES);
    List<String> lines = Arrays.asList(readFrom(start, TAIL_BYTES).split("\\R"));
    return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
  }

  private String readFrom(long offset, int max) {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long available = in.length() - offset;
      if (available <= 0) {
        return "";
      }
      byte[] bytes = new byte[(int) Math.min(available, max)];
      in.seek(offset);
      in.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
