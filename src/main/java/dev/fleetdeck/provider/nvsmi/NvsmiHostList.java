package dev.fleetdeck.provider.nvsmi;

import dev.fleetdeck.provider.ProviderException;

import dev.fleetdeck.provider.input.BoundedFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hosts to read: a fixed list from the configuration, plus a host file (one host per line, optional labels,
 * {@code #} comments) that is read again whenever it changes, so hosts can be added without a restart.
 *
 * <p>Threads: called on the polling thread only.
 */
final class NvsmiHostList {
    static final long MAX_FILE_BYTES = 1 << 20;

    private final String source;
    private final List<NvsmiHost> fixed;
    private final Optional<Path> file;
    private FileTime lastModified;
    private List<NvsmiHost> fromFile = List.of();

    NvsmiHostList(String source, List<NvsmiHost> fixed, Optional<Path> file) {
        this.source = source;
        this.fixed = List.copyOf(fixed);
        this.file = file;
    }

    /** The hosts now; the file is re-read if it changed since the last call. */
    List<NvsmiHost> current() throws ProviderException {
        if (file.isEmpty()) {
            return fixed;
        }
        Path f = file.get();
        try {
            FileTime modified = Files.getLastModifiedTime(f);
            if (!modified.equals(lastModified)) {
                fromFile = read(f);
                lastModified = modified;
            }
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Kind.CONFIG, source, "cannot read host file " + f + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        List<NvsmiHost> all = new ArrayList<>(fixed);
        all.addAll(fromFile);
        return all;
    }

    private List<NvsmiHost> read(Path f) throws IOException, ProviderException {
        List<String> lines;
        try {
            lines = new String(BoundedFile.read(f, MAX_FILE_BYTES, "host file"), StandardCharsets.UTF_8).lines()
                    .toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.CONFIG, source, "reading host file was interrupted");
        }
        List<NvsmiHost> hosts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            try {
                NvsmiHost.parse(lines.get(i)).ifPresent(hosts::add);
            } catch (IllegalArgumentException e) {
                throw new ProviderException(ProviderException.Kind.CONFIG, source, f + ":" + (i + 1) + ": "
                        + e.getMessage());
            }
        }
        return hosts;
    }
}
