package io.slawatch.bench;

import java.util.Arrays;

/** Latency percentiles of recorded samples (milliseconds). */
record Percentiles(int count, double p50, double p99, double max) {
  static Percentiles of(double[] millis) {
    if (millis.length == 0) {
      return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN);
    }
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    return new Percentiles(
        sorted.length, at(sorted, 0.50), at(sorted, 0.99), sorted[sorted.length - 1]);
  }

  private static double at(double[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  String json() {
    return "{\"count\":%d,\"p50_ms\":%.1f,\"p99_ms\":%.1f,\"max_ms\":%.1f}"
        .formatted(count, p50, p99, max);
  }
}
