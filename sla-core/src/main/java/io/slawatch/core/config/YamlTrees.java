package io.slawatch.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/** Parses YAML 1.2 (and so JSON) into a {@link Tree} that knows its lines. */
public final class YamlTrees {
  private YamlTrees() {}

  /** Parses one document; an empty document is an empty mapping. */
  public static Tree parse(String text) {
    LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(true).build();
    try {
      Composer composer =
          new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
      Optional<Node> root = composer.getSingleNode();
      return root.map(node -> convert(node, "")).orElse(new Tree.Mapping("", 1, Map.of()));
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
      throw new ConfigException("", line, "not valid YAML/JSON: " + firstLine(e.getProblem()));
    } catch (YamlEngineException e) {
      throw new ConfigException("", 0, "not valid YAML/JSON: " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "syntax error";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static Tree convert(Node node, String path) {
    int line = node.getStartMark().map(Mark::getLine).orElse(-1) + 1;
    return switch (node) {
      case ScalarNode scalar ->
          new Tree.Scalar(path, line, Tag.NULL.equals(scalar.getTag()) ? null : scalar.getValue());
      case SequenceNode sequence -> {
        List<Node> values = sequence.getValue();
        java.util.ArrayList<Tree> items = new java.util.ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
          items.add(convert(values.get(i), path + "[" + i + "]"));
        }
        yield new Tree.Sequence(path, line, items);
      }
      case MappingNode mapping -> {
        Map<String, Tree> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
          if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
            throw new ConfigException(path, line, "field names must be plain text");
          }
          String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
          if (fields.containsKey(key.getValue())) {
            int keyLine = key.getStartMark().map(Mark::getLine).orElse(-1) + 1;
            throw new ConfigException(child, keyLine, "appears twice");
          }
          fields.put(key.getValue(), convert(tuple.getValueNode(), child));
        }
        yield new Tree.Mapping(path, line, fields);
      }
      default -> throw new ConfigException(path, line, "unsupported YAML node");
    };
  }
}
