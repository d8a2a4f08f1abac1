package org.ibex.node;

import org.ibex.web.WebServer;

import java.util.concurrent.CountDownLatch;

/** Keeps a started server running until the process is asked to stop, then closes server and store in order. */
public final class Serving {
    private Serving() {
    }

    public static void untilStopped(WebServer server, Node node) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            node.close();
            stopped.countDown();
        }, "ibex-shutdown"));
        stopped.await();
    }
}
