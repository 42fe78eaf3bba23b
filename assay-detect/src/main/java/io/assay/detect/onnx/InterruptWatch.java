package io.assay.detect.onnx;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Carries Java interruption into ONNX Runtime: a thread blocked in native inference never sees its interrupt flag,
 * so one daemon thread polls the threads of running inferences and sets their run's terminate flag once they are
 * interrupted (a detector cancelled for overrunning its time). The run then fails fast instead of holding a core.
 */
final class InterruptWatch {

    private static final long POLL_MILLIS = 10;
    private static final Map<OrtSession.RunOptions, Thread> RUNNING = new ConcurrentHashMap<>();
    private static Thread watcher;

    private InterruptWatch() {
    }

    static void register(OrtSession.RunOptions run) {
        RUNNING.put(run, Thread.currentThread());
        ensureWatcher();
    }

    /** After this returns the watcher no longer touches {@code run}, so it may be closed. */
    static void unregister(OrtSession.RunOptions run) {
        synchronized (run) {
            RUNNING.remove(run);
        }
    }

    private static synchronized void ensureWatcher() {
        if (watcher != null) {
            return;
        }
        watcher = Thread.ofPlatform().daemon().name("assay-onnx-interrupt-watch").start(() -> {
            while (true) {
                RUNNING.forEach((run, thread) -> {
                    if (thread.isInterrupted()) {
                        synchronized (run) {
                            if (RUNNING.remove(run, thread)) {
                                try {
                                    run.setTerminate(true);
                                } catch (OrtException e) {
                                    // Nothing to stop: the run is ending anyway.
                                }
                            }
                        }
                    }
                });
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }
}
