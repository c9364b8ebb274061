package dev.fleetdeck.provider.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Only regular files are read, never past a cap, never for ever; every refusal says what the file is. */
class BoundedFileTest {
    @TempDir
    Path dir;

    @Test
    void aRegularFileAndALinkToOneAreRead() throws Exception {
        Path f = Files.writeString(dir.resolve("token"), "abc\n");
        Path link = Files.createSymbolicLink(dir.resolve("link"), f);
        assertArrayEquals("abc\n".getBytes(), BoundedFile.read(f, 16, "secret file"));
        assertArrayEquals("abc\n".getBytes(), BoundedFile.read(link, 16, "secret file"));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void devZeroIsRefusedAtOnceNotReadUntilTheHeapIsGone() {
        var e = assertThrows(BoundedFile.Refused.class, () -> BoundedFile.read(Path.of("/dev/zero"), 1 << 20,
                "configuration file"));
        assertThat(e.getMessage()).isEqualTo("configuration file /dev/zero: is a character device, not a regular "
                + "file; FleetDeck reads only regular files");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFifoIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        p.waitFor(5, TimeUnit.SECONDS);
        var e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> assertThrows(
                BoundedFile.Refused.class, () -> BoundedFile.read(fifo, 1024, "saved scrape")));
        assertThat(e.getMessage()).endsWith("pipe: is a named pipe (FIFO), not a regular file; FleetDeck reads only "
                + "regular files");
    }

    @Test
    void aDirectoryAMissingFileAndAHugeFileSaySo() throws Exception {
        assertThat(assertThrows(BoundedFile.Refused.class, () -> BoundedFile.read(dir, 10, "host file"))
                .getMessage()).isEqualTo("host file " + dir + ": is a directory, not a file");
        assertThat(assertThrows(BoundedFile.Refused.class, () -> BoundedFile.read(dir.resolve("nope"), 10,
                "host file")).reason()).isEqualTo("no such file");
        Path big = Files.write(dir.resolve("big"), new byte[2048]);
        assertThat(assertThrows(BoundedFile.Refused.class, () -> BoundedFile.read(big, 1024, "target file"))
                .reason()).isEqualTo("is 2048 bytes; target files are limited to 1024 bytes");
    }

    @Test
    void aNameWithEscapesIsShownEscaped() throws Exception {
        Path odd = dir.resolve("x\u001b[31m");
        Files.createDirectory(odd);
        assertThat(assertThrows(BoundedFile.Refused.class, () -> BoundedFile.read(odd, 10, "host file"))
                .getMessage()).contains("x\\u001B[31m").doesNotContain("\u001b");
    }
}
