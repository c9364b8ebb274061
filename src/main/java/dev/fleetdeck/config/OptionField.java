package dev.fleetdeck.config;

/**
 * One option a provider (or a configuration section) reads, as found by {@link OptionForms}: enough to build a form
 * field for it without the provider writing any UI.
 *
 * @param path         dotted key path inside the section, e.g. {@code auth.token}
 * @param kind         what sort of value it takes
 * @param defaultValue the value used when it is absent, as text ({@code ""} when none)
 * @param range        allowed range in words, e.g. {@code 1..100000} ({@code ""} when free)
 */
public record OptionField(String path, Kind kind, String defaultValue, String range) {

    /** The sorts of option values, each with how the user writes one. */
    public enum Kind {
        INTEGER("a whole number"),
        NUMBER("a number"),
        TEXT("text"),
        DURATION("a duration such as 500ms, 5s, 2m"),
        BOOLEAN("true or false"),
        BYTE_SIZE("a size such as 512KiB, 32MiB"),
        SECRET("env:NAME or file:PATH (never the secret itself)"),
        TEXT_LIST("a list, comma-separated"),
        /** A mapping of free keys (e.g. model → weight), edited as YAML. */
        MAP("YAML mapping, e.g. {H100: 40, A100: 20}"),
        /** A list of sections (e.g. hosts with labels), edited as YAML. */
        SECTION_LIST("YAML list of mappings");

        private final String hint;

        Kind(String hint) {
            this.hint = hint;
        }

        /** How to write a value, for a prompt or tooltip. */
        public String hint() {
            return hint;
        }

        /** Whether the form edits it as YAML text rather than a single value. */
        public boolean isStructured() {
            return this == MAP || this == SECTION_LIST;
        }
    }
}
