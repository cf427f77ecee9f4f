package automl4j.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A process that holds an output folder's lock as a run does, for {@link OutputFolderTest}: it locks the file named by
 * its argument, writes its pid into it, prints {@code locked} and waits until its standard input closes or it is killed.
 */
public final class LockHolder {
    private LockHolder() {
    }

    /** Holds the lock on {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        try (FileChannel ch = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                System.out.println("busy");
                return;
            }
            ch.write(java.nio.ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", started 2026-01-01T00:00:00Z, automl run\n")
                    .getBytes(StandardCharsets.UTF_8)));
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until told to go
            }
        }
    }
}
