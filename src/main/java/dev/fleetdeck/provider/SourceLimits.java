package dev.fleetdeck.provider;

import dev.fleetdeck.model.Node;

/**
 * How much one source's answer may claim, so that an answer that lies (60 items of 1,000,000 GPUs each in a 3.6 KB
 * body) is an error on that source instead of gigabytes of objects that take the whole process down. Read from a
 * source's {@code options.limits} (HTTP sources) and checked twice: where an adapter turns a count into GPUs, before
 * anything is allocated, and by the polling service on every answer of every source.
 * <pre>
 * options:
 *   limits:
 *     gpus-per-node: 256     # a GB200 NVL72 rack reported as one node has 72
 *     nodes: 200000          # nodes (instances, hosts) in one answer
 *     offers: 50000          # market offers in one answer
 * </pre>
 *
 * @param gpusPerNode the most GPUs one node may have
 * @param nodes       the most nodes one answer may have
 * @param offers      the most offers one answer may have
 */
public record SourceLimits(int gpusPerNode, int nodes, int offers) {
    /** What every source gets unless its configuration says otherwise. */
    public static final SourceLimits DEFAULT = new SourceLimits(256, 200_000, 50_000);

    /** A source's answer is over one of its limits. Unchecked so that it can leave a mapping lambda. */
    public static final class Exceeded extends RuntimeException {
        public Exceeded(String message) {
            super(message, null, false, false);
        }
    }

    public SourceLimits {
        if (gpusPerNode < 1 || nodes < 1 || offers < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** Reads the {@code limits} section of a source's options. */
    public static SourceLimits from(ProviderOptions options) {
        ProviderOptions l = options.section("limits");
        return new SourceLimits(l.getInt("gpus-per-node", DEFAULT.gpusPerNode, 1, 4096),
                l.getInt("nodes", DEFAULT.nodes, 1, 2_000_000), l.getInt("offers", DEFAULT.offers, 1, 2_000_000));
    }

    /**
     * Checks a GPU count before GPUs are made from it.
     *
     * @param what the item that claims it, e.g. "instance 0920582c"
     * @throws Exceeded when it is over {@link #gpusPerNode}
     */
    public int checkGpus(String what, long count) {
        if (count > gpusPerNode) {
            throw new Exceeded(what + " claims " + count + " GPUs; a node may have at most " + gpusPerNode
                    + " (limits.gpus-per-node)");
        }
        return (int) count;
    }

    /** Checks a whole answer. */
    public void check(ProviderSnapshot snapshot) throws ProviderException {
        if (snapshot.nodes().size() > nodes) {
            throw over(snapshot, "has " + snapshot.nodes().size() + " nodes; the limit is " + nodes + " (limits.nodes)");
        }
        if (snapshot.offers().size() > offers) {
            throw over(snapshot, "has " + snapshot.offers().size() + " offers; the limit is " + offers
                    + " (limits.offers)");
        }
        for (Node n : snapshot.nodes()) {
            int claimed = Math.max(n.gpus().size(), n.expectedGpus());
            if (claimed > gpusPerNode) {
                throw over(snapshot, "node " + n.hostname() + " has " + claimed + " GPUs; a node may have at most "
                        + gpusPerNode + " (limits.gpus-per-node)");
            }
        }
    }

    private static ProviderException over(ProviderSnapshot s, String what) {
        return new ProviderException(ProviderException.Kind.BAD_DATA, s.provider(), "the answer " + what
                + ": refused whole, nothing from it is shown");
    }
}
