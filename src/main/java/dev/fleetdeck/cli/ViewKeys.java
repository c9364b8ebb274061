package dev.fleetdeck.cli;

import dev.fleetdeck.ui.common.ViewId;

import java.util.Arrays;
import java.util.Iterator;

/** The values of {@code --view}: every {@link ViewId}, for help and shell completion. */
final class ViewKeys implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(ViewId.values()).map(ViewId::key).iterator();
    }
}
