package automl4j.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.DataOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The worker handshake: a token only the engine and its worker know, and no connection may stall the pool. */
class WorkerHandshakeTest {
    private static final SplitStore NO_SPLITS = SplitStore.loading(key -> {
        throw new IllegalStateException("no trial runs in this test");
    });

    @Test
    @Timeout(60)   // without the handshake timeout, the silent connection blocks the pool for good
    void aSilentConnectionAndAWrongTokenAreClosedWhileTheRealWorkerConnects() throws Exception {
        try (WorkerPool pool = new WorkerPool(1, 128, NO_SPLITS, WorkerClassArchive.forThisJvm());
             Socket silent = new Socket(InetAddress.getLoopbackAddress(), pool.port());
             Socket wrong = new Socket(InetAddress.getLoopbackAddress(), pool.port())) {
            DataOutputStream out = new DataOutputStream(wrong.getOutputStream());
            out.writeUTF("not-the-token");
            out.flush();
            long start = System.nanoTime();
            assertThatCode(pool::ready).doesNotThrowAnyException();
            // The silent connection costs at most its handshake timeout, not the pool's whole connect timeout.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
            assertThat(closedByPeer(silent)).as("silent connection closed").isTrue();
            assertThat(closedByPeer(wrong)).as("wrong-token connection closed").isTrue();
        }
    }

    @Test
    void theTokenIsNotOnTheWorkersCommandLine() throws Exception {
        try (WorkerPool pool = new WorkerPool(1, 128, NO_SPLITS, WorkerClassArchive.forThisJvm())) {
            pool.launchAll();
            List<ProcessHandle> workers = ProcessHandle.current().children()
                    .filter(p -> p.info().arguments().map(a -> List.of(a).contains(WorkerMain.class.getName())).orElse(false))
                    .toList();
            assertThat(workers).isNotEmpty();
            for (ProcessHandle w : workers) {
                Optional<String[]> args = w.info().arguments();
                assertThat(args).isPresent();
                // Not as an argument, nor inside one (a file name made of it would show it too).
                assertThat(args.get()).noneMatch(a -> a.matches(".*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}.*"));
            }
            pool.ready();   // and it still connects with the token from its standard input
        }
    }

    private static boolean closedByPeer(Socket s) throws Exception {
        s.setSoTimeout(5_000);
        InputStream in = s.getInputStream();
        try {
            return in.read() == -1;
        } catch (java.net.SocketException e) {
            return true;   // reset by the pool
        }
    }
}
