package dev.fleetdeck.ui.search;

/**
 * One quick-search result.
 *
 * @param kind     what was found
 * @param label    the matched text (node name, UUID, tenant, model, region)
 * @param detail   context shown beside it
 * @param nodeKey  the node to open ({@code provider/host}) for NODE and GPU hits; empty otherwise
 * @param gpu      the GPU index for a GPU hit, else -1
 * @param rank     0 exact, 1 prefix, 2 elsewhere in the text
 */
public record SearchHit(Kind kind, String label, String detail, String nodeKey, int gpu, int rank) {
    /** What a hit is. */
    public enum Kind {
        NODE("node"), GPU("GPU"), TENANT("tenant"), MODEL("model"), REGION("region");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
