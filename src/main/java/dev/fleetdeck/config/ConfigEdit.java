package dev.fleetdeck.config;

import dev.fleetdeck.provider.input.BoundedFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One editing session of a configuration file, as the settings dialog runs it: the values to edit, validation of
 * the whole result, and an atomic save that keeps the user's comments where it can ({@link ConfigDocument}).
 *
 * <p>Threads: {@link #open} and {@link #save} do file I/O (never on the JavaFX thread); the tree is edited on one
 * thread at a time.
 */
public final class ConfigEdit {
    private final Path target;
    private final ConfigDocument document;
    private final Map<String, Object> tree;

    private ConfigEdit(Path target, ConfigDocument document) {
        this.target = target;
        this.document = document;
        this.tree = document.tree();
    }

    /**
     * Opens {@code target} for editing; when it does not exist yet, starts from {@code startText} (the configuration
     * running now, e.g. the built-in simulated fleet), which is saved to {@code target}.
     *
     * @throws ConfigException when the file is not a YAML mapping (fix it in an editor first)
     */
    public static ConfigEdit open(Path target, String startText) throws IOException, ConfigException {
        String text;
        if (Files.exists(target)) {
            try {
                text = new String(BoundedFile.read(target, ConfigLoader.MAX_BYTES, "configuration file"),
                        StandardCharsets.UTF_8);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("reading " + target + " was interrupted", e);
            }
        } else {
            text = startText;
        }
        return new ConfigEdit(target, ConfigDocument.parse(text, target.toString()));
    }

    /** Where {@link #save} writes. */
    public Path target() {
        return target;
    }

    /** The values being edited (live: edits go straight into it). */
    public Map<String, Object> tree() {
        return tree;
    }

    /** The {@code providers} entries being edited (live). */
    @SuppressWarnings("unchecked")
    public List<Object> providers() {
        return ConfigTree.list(tree, "providers");
    }

    /** The file text that {@link #save} would write. */
    public String render() {
        return document.render(tree);
    }

    /** Every problem of the edited configuration, as loading the saved file would report it. */
    public List<ConfigError> validate(OptionForms forms) {
        return forms.validate(tree, target.toString());
    }

    /** Writes the file atomically, keeping the previous one as {@code .bak}. Validate first. */
    public void save() throws IOException {
        ConfigFiles.writeAtomically(target, render());
    }
}
