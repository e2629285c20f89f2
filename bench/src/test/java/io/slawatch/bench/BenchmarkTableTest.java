package io.slawatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchmarkTableTest {
  @Test
  void a_result_is_split_at_its_own_commas_only() {
    assertThat(
            Benchmark.topLevel(
                "\"a\":1,\"b\":{\"count\":2,\"p99_ms\":3.0},\"c\":\"x,{y}\",\"d\":{\"e\":{\"f\":1}}"))
        .containsExactly(
            "\"a\":1",
            "\"b\":{\"count\":2,\"p99_ms\":3.0}",
            "\"c\":\"x,{y}\"",
            "\"d\":{\"e\":{\"f\":1}}");
  }
}
