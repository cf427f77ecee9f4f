package automl4j.serving;

/** Waits, bounded, until a request sent by a raw socket holds a reading slot in the server. */
final class Gates {
    private Gates() {
    }

    static void awaitActive(ScoringServer server, int n) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (server.heldRequests() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the held request never reached the server's gate");
            }
            Thread.sleep(5);
        }
    }
}
