package dev.fleetdeck.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies DuckDB's JDBC jar without the native libraries of other platforms, as {@code packaging/build-package.sh}
 * does with {@code zip -d}: the jar carries four (about 240 MB unpacked), an app image runs on one.
 */
final class DuckDbNatives {
    private DuckDbNatives() {
    }

    static String thisPlatform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        boolean arm = System.getProperty("os.arch").contains("aarch64");
        return os.contains("linux") ? (arm ? "linux_arm64" : "linux_amd64") : os.contains("mac") ? "macos_arm64"
                : "windows_amd64";
    }

    static void keepOnly(Path jar, Path out) throws IOException {
        String keep = "libduckdb_java.so_" + thisPlatform();
        try (ZipFile in = new ZipFile(jar.toFile()); ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                if (e.getName().startsWith("libduckdb_java.so_") && !e.getName().equals(keep)) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                try (var body = in.getInputStream(e)) {
                    body.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
    }
}
