package io.assay.stream;

import io.assay.coord.share.Share;
import io.assay.coord.stream.StreamingCoShareFinder;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coordination windows keyed by object: shares arrive re-keyed by object (so one task sees every share of an
 * object), and assay-coord's {@link StreamingCoShareFinder} emits each pair of different accounts sharing it within
 * the window. The live shares are also kept in a changelogged store, so a task moved to another instance rebuilds
 * its windows (replaying them without emitting) and pairs across a failover are not lost.
 */
final class CoShareProcessor implements Processor<String, byte[], String, byte[]> {

    static final String WINDOW_STORE = "co-share-window";
    static final String CO_SHARES = "co-shares";

    private final Duration window;
    private final JsonMapper json;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> store;
    private StreamingCoShareFinder finder;
    private boolean replaying;
    private long newest = Long.MIN_VALUE;

    CoShareProcessor(Duration window, JsonMapper json) {
        this.window = window;
        this.json = json;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.store = context.getStateStore(WINDOW_STORE);
        this.finder = new StreamingCoShareFinder(window, window, StreamingCoShareFinder.Limits.DEFAULT, this::pair);
        List<Share> live = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            while (it.hasNext()) {
                live.add(json.readValue(it.next().value, Share.class));
            }
        }
        live.sort(Comparator.comparingLong(Share::epochMillis));
        replaying = true;
        live.forEach(this::accept);
        replaying = false;
        context.schedule(Duration.ofSeconds(10), PunctuationType.WALL_CLOCK_TIME, now -> expire());
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Share s;
        try {
            s = json.readValue(record.value(), Share.class);
        } catch (RuntimeException e) {
            return; // written by ScanProcessor; nothing else writes this topic
        }
        store.put(key(s), record.value());
        accept(s);
    }

    private void accept(Share s) {
        newest = Math.max(newest, s.epochMillis());
        finder.accept(s);
    }

    private void pair(Share earlier, Share later, long deltaMillis) {
        if (replaying) {
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("object", later.object());
        out.put("earlier", earlier);
        out.put("later", later);
        out.put("deltaMillis", deltaMillis);
        context.forward(new Record<>(later.object(), json.writeValueAsBytes(out), later.epochMillis()), CO_SHARES);
    }

    /** Drops stored shares that no later in-time share can pair with any more. */
    private void expire() {
        if (newest == Long.MIN_VALUE) {
            return;
        }
        long horizon = newest - 2 * window.toMillis();
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            while (it.hasNext()) {
                var kv = it.next();
                if (json.readValue(kv.value, Share.class).epochMillis() < horizon) {
                    old.add(kv.key);
                }
            }
        }
        old.forEach(store::delete);
    }

    private static String key(Share s) {
        return s.object() + "\u0000" + s.epochMillis() + "\u0000" + s.accountKey() + "\u0000" + s.content();
    }
}
