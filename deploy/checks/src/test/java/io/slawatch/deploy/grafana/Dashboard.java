package io.slawatch.deploy.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.StreamSupport;

/** A dashboard of {@code deploy/grafana/dashboards}, read as Grafana reads its JSON model. */
record Dashboard(String file, JsonNode json) {
  static final Path DEPLOY = Path.of(System.getProperty("slawatch.deploy.dir", ".."));
  static final Path DASHBOARDS = DEPLOY.resolve("grafana/dashboards");

  /** A panel's query: the panel's title, its data source, and the query text (SQL or PromQL). */
  record Query(String panel, JsonNode panelDatasource, JsonNode datasource, String text) {}

  /** A template variable: its name, type, data source (query variables) and query. */
  record Variable(String name, String type, JsonNode datasource, String query, JsonNode json) {}

  static Dashboard read(String file) {
    try {
      return new Dashboard(file, new ObjectMapper().readTree(DASHBOARDS.resolve(file).toFile()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  List<JsonNode> panels() {
    return StreamSupport.stream(json.get("panels").spliterator(), false).toList();
  }

  /** Every target of every panel: {@code rawSql} for SQL targets, {@code expr} for PromQL ones. */
  List<Query> queries() {
    List<Query> queries = new ArrayList<>();
    for (JsonNode panel : panels()) {
      for (JsonNode target : panel.get("targets")) {
        String text =
            target.has("rawSql") ? target.get("rawSql").asText() : target.path("expr").asText();
        queries.add(
            new Query(
                panel.get("title").asText(),
                panel.get("datasource"),
                target.get("datasource"),
                text));
      }
    }
    return queries;
  }

  Query query(String panelTitle) {
    return queries().stream()
        .filter(q -> q.panel().equals(panelTitle))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException(file + ": no panel " + panelTitle));
  }

  JsonNode panel(String title) {
    return panels().stream()
        .filter(p -> p.get("title").asText().equals(title))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException(file + ": no panel " + title));
  }

  List<Variable> variables() {
    return StreamSupport.stream(json.path("templating").path("list").spliterator(), false)
        .map(
            v ->
                new Variable(
                    v.get("name").asText(),
                    v.get("type").asText(),
                    v.get("datasource"),
                    v.path("query").isTextual() ? v.get("query").asText() : null,
                    v))
        .toList();
  }

  /** The variables whose values come from a query of the data source (the filters). */
  List<Variable> queryVariables() {
    return variables().stream().filter(v -> v.type().equals("query")).toList();
  }
}
