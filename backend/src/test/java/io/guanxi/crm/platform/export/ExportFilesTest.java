package io.guanxi.crm.platform.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export job files on a real file system: who may read them, and what the hourly sweep may delete. */
class ExportFilesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Instant OLD = NOW.minus(Duration.ofHours(25));

    @TempDir
    Path temp;

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private Path jobFile(Path directory, ExportFormat format, Instant written) throws IOException {
        UUID id = UUID.randomUUID();
        try (OutputStream out = ExportFiles.create(directory, id, format)) {
            out.write("name\r\n".getBytes(StandardCharsets.UTF_8));
        }
        Path file = ExportFiles.jobFile(directory, id, format);
        Files.setLastModifiedTime(file, FileTime.from(written));
        return file;
    }

    private static Path file(Path path, Instant written) throws IOException {
        Files.writeString(path, "keep me");
        Files.setLastModifiedTime(path, FileTime.from(written));
        return path;
    }

    @Test
    void theSweepDeletesOnlyOldJobFiles() throws IOException {
        Path directory = temp.resolve("guanxi-exports");
        Path oldCsv = jobFile(directory, ExportFormat.CSV, OLD);
        Path oldXlsx = jobFile(directory, ExportFormat.XLSX, OLD);
        Path fresh = jobFile(directory, ExportFormat.CSV, NOW.minus(Duration.ofHours(1)));
        Path foreign = file(directory.resolve("report.csv"), OLD);
        Path upperCase = file(directory.resolve(UUID.randomUUID().toString().toUpperCase() + ".csv"), OLD);
        Path backup = file(directory.resolve(UUID.randomUUID() + ".csv.bak"), OLD);
        Path notes = file(directory.resolve("notes.txt"), OLD);
        Path folder = Files.createDirectory(directory.resolve(UUID.randomUUID() + ".csv"));
        Files.setLastModifiedTime(folder, FileTime.from(OLD));

        assertEquals(2, ExportFiles.sweep(directory, NOW.minus(Duration.ofHours(24))));

        assertFalse(Files.exists(oldCsv), "an expired CSV job file goes");
        assertFalse(Files.exists(oldXlsx), "an expired XLSX job file goes");
        for (Path kept : new Path[] {fresh, foreign, upperCase, backup, notes, folder}) {
            assertTrue(Files.exists(kept), kept.getFileName() + " stays");
        }
    }

    @Test
    void theSweepNeverFollowsALinkNamedLikeAJobFile() throws IOException {
        Path directory = Files.createDirectory(temp.resolve("exports"));
        Path elsewhere = file(temp.resolve("precious.csv"), OLD);
        Path link;
        try {
            link = Files.createSymbolicLink(directory.resolve(UUID.randomUUID() + ".csv"), elsewhere);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here");
            return;
        }
        assertEquals(0, ExportFiles.sweep(directory, NOW));
        assertTrue(Files.exists(link, LinkOption.NOFOLLOW_LINKS) && Files.exists(elsewhere));
        assertEquals(0, ExportFiles.sweep(temp.resolve("missing"), NOW), "no directory yet: nothing to do");
    }

    @Test
    void jobFilesAreTheServicesAloneWherePermissionsExist() throws IOException {
        assumeTrue(posix(temp), "POSIX permissions");
        Path directory = temp.resolve("a/guanxi-exports");
        Path file = jobFile(directory, ExportFormat.CSV, NOW);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        Path shared = Files.createDirectory(temp.resolve("shared"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        jobFile(shared, ExportFormat.XLSX, NOW);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)),
                "an existing directory others could read is closed first");
    }

    @Test
    void aJobNeverWritesThroughSomethingAlreadyThere() throws IOException {
        Path target = Files.createDirectory(temp.resolve("target"));
        Path link;
        try {
            link = Files.createSymbolicLink(temp.resolve("exports"), target);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here");
            return;
        }
        assertThrows(IOException.class, () -> ExportFiles.create(link, UUID.randomUUID(), ExportFormat.CSV),
                "a directory swapped for a link is refused");

        Path directory = Files.createDirectory(temp.resolve("real"));
        UUID id = UUID.randomUUID();
        file(ExportFiles.jobFile(directory, id, ExportFormat.CSV), NOW);
        assertThrows(FileAlreadyExistsException.class, () -> ExportFiles.create(directory, id, ExportFormat.CSV));
    }
}
