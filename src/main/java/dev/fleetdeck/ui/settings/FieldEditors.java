package dev.fleetdeck.ui.settings;

import dev.fleetdeck.config.ConfigTree;
import dev.fleetdeck.config.OptionField;
import dev.fleetdeck.config.YamlText;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One editor control per {@link OptionField}, reading from and writing to a {@link ConfigTree} mapping. Text fields
 * show the default as their prompt, so an empty field means "default" and writes nothing to the file. FX thread.
 */
final class FieldEditors {
    private FieldEditors() {
    }

    /**
     * A control for {@code field}, at {@code base + field.path()} in {@code values}.
     *
     * @param committed called after the user finished an edit (Enter, focus left, a choice made)
     */
    static Node editor(OptionField field, Map<String, Object> values, String base, Runnable committed) {
        String path = base + field.path();
        Object current = ConfigTree.get(values, path);
        String id = "field-" + path.replace('.', '-');
        if (field.kind() == OptionField.Kind.BOOLEAN) {
            ChoiceBox<String> box = new ChoiceBox<>();
            String dflt = "default (" + field.defaultValue() + ")";
            box.getItems().addAll(dflt, "true", "false");
            box.setValue(current instanceof String s && (s.equals("true") || s.equals("false")) ? s : dflt);
            box.setOnAction(e -> {
                String v = box.getValue();
                ConfigTree.put(values, path, v.equals(dflt) ? null : v);
                committed.run();
            });
            box.setId(id);
            return box;
        }
        TextInputControl input = field.kind().isStructured() ? new TextArea() : new TextField();
        input.setId(id);
        if (input instanceof TextArea area) {
            area.setPrefRowCount(4);
            area.setWrapText(false);
            area.getStyleClass().add("settings-yaml");
        }
        input.setText(toText(field, current));
        input.setPromptText(field.defaultValue().isEmpty() ? field.kind().hint() : field.defaultValue());
        Runnable commit = () -> {
            Object parsed = fromText(field, input.getText());
            if (!java.util.Objects.equals(parsed, ConfigTree.get(values, path))) {
                ConfigTree.put(values, path, parsed);
                committed.run();
            }
        };
        if (input instanceof TextField tf) {
            tf.setOnAction(e -> commit.run());
        }
        input.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                commit.run();
            }
        });
        return input;
    }

    /** How a stored value reads in its editor. */
    static String toText(OptionField field, Object value) {
        if (value == null) {
            return "";
        }
        return switch (field.kind()) {
            case TEXT_LIST -> value instanceof List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList())
                    : String.valueOf(value);
            case MAP, SECTION_LIST -> structured(value);
            default -> value instanceof String s ? s : structured(value);
        };
    }

    /** What an editor's text stores: null for empty (the default), a list, a parsed structure, or the text. */
    static Object fromText(OptionField field, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return null;
        }
        return switch (field.kind()) {
            case TEXT_LIST -> new ArrayList<Object>(Arrays.stream(t.split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList());
            case MAP, SECTION_LIST -> YamlValues.parse(t);
            default -> t;
        };
    }

    /** A mapping or list as the YAML the user would write under its key. */
    private static String structured(Object value) {
        Map<String, Object> wrapper = new LinkedHashMap<>();
        wrapper.put("v", value);
        String doc = YamlText.document(wrapper);
        // Drop the wrapper key and one indent level.
        String body = doc.substring(doc.indexOf(':') + 1);
        if (body.startsWith(" ")) {
            return body.strip();
        }
        StringBuilder out = new StringBuilder();
        for (String line : body.strip().split("\n")) {
            out.append(line.startsWith("  ") ? line.substring(2) : line.strip()).append('\n');
        }
        return out.toString().strip();
    }
}
