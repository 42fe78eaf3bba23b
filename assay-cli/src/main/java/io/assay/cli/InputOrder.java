package io.assay.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Runs one task per file on a fixed pool and hands the results to the caller on its own thread, in input order, each
 * as soon as it and all before it are done: parallel work, deterministic output.
 */
final class InputOrder {

    private InputOrder() {
    }

    /**
     * @param onFailure turns an exception that escaped the task into a result, so that one file never stops the rest
     */
    static <R> void forEach(List<Path> files, int threads, Function<Path, R> task, Function<Throwable, R> onFailure,
                            BiConsumer<Path, R> each) throws InterruptedException {
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads))) {
            List<Future<R>> results = new ArrayList<>();
            for (Path f : files) {
                results.add(pool.submit(() -> task.apply(f)));
            }
            for (int i = 0; i < files.size(); i++) {
                R r;
                try {
                    r = results.get(i).get();
                } catch (ExecutionException e) {
                    r = onFailure.apply(e.getCause());
                }
                each.accept(files.get(i), r);
            }
        }
    }

    /** A one-line description of an unexpected failure (no stack trace). */
    static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
