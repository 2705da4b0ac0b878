package io.guanxi.crm.platform.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The files export jobs leave for their requester to download. They hold customer data, so the directory is
 * the service's alone (0700) and each file is created readable by the service only (0600) where the file
 * system has POSIX permissions — the default directory sits in the shared temporary directory. The sweep
 * removes only files named as a job names them: the directory may be one an operator also uses.
 */
final class ExportFiles {

    /** {@code <job id>.csv} or {@code <job id>.xlsx}, exactly as {@link #jobFile} names them. */
    static final Pattern JOB_FILE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.(csv|xlsx)");

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private ExportFiles() {
    }

    static Path jobFile(Path directory, UUID jobId, ExportFormat format) {
        return directory.resolve(jobId + "." + format.extension());
    }

    /** A new job file, created with 0600 from the start (never readable by others, not even briefly); refuses an existing path. */
    static OutputStream create(Path directory, UUID jobId, ExportFormat format) throws IOException {
        prepareDirectory(directory);
        Path file = jobFile(directory, jobId, format);
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (posix(directory)) {
            return Channels.newOutputStream(Files.newByteChannel(file, options, PosixFilePermissions.asFileAttribute(FILE)));
        }
        return Channels.newOutputStream(Files.newByteChannel(file, options));
    }

    /** Creates the directory (0700) or tightens an existing one to 0700; a symbolic link is refused. */
    static void prepareDirectory(Path directory) throws IOException {
        boolean posix = posix(directory);
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            Path parent = directory.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                FileAttribute<?>[] attributes = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIRECTORY)}
                        : new FileAttribute<?>[0];
                Files.createDirectory(directory, attributes);
            } catch (FileAlreadyExistsException raced) {
                // Another job created it meanwhile: checked below like any existing directory.
            }
        }
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("The export directory " + directory + " is not a directory (or is a symbolic link)");
        }
        if (posix) {
            Files.setPosixFilePermissions(directory, DIRECTORY);
        }
    }

    /** Deletes the job files last written before {@code before}; any other file or directory stays. Returns how many went. */
    static int sweep(Path directory, Instant before) throws IOException {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                if (JOB_FILE.matcher(file.getFileName().toString()).matches()
                        && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(before)
                        && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    private static boolean posix(Path path) {
        return path != null && path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
