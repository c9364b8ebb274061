package dev.fleetdeck.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ConfigFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheFileKeepsThePreviousAsBakAndItsPermissions() throws Exception {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, "providers: [] # old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        ConfigFiles.writeAtomically(file, "providers: [] # new\n");

        assertEquals("providers: [] # new\n", Files.readString(file));
        assertEquals("providers: [] # old\n", Files.readString(dir.resolve("config.yaml.bak")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void createsMissingDirectoriesAndAPrivateNewFile() throws Exception {
        Path file = dir.resolve("fresh/fleetdeck/config.yaml");
        ConfigFiles.writeAtomically(file, "providers: []\n");
        assertEquals("providers: []\n", Files.readString(file));
        assertFalse(Files.exists(ConfigFiles.backupOf(file)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}
