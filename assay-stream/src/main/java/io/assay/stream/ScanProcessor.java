package io.assay.stream;

import io.assay.core.evidence.Evidence;
import io.assay.core.media.MediaAsset;
import io.assay.core.scan.ScanPipeline;
import io.assay.core.scan.Verdict;
import io.assay.coord.share.Share;
import io.assay.hash.SignalType;
import io.assay.hash.bank.MatchThresholds;
import io.assay.hash.bank.SignalBank;
import io.assay.index.Hash256;
import io.assay.index.HashIndex;
import io.assay.index.Match;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One stream task's part of the pipeline: upload -> {@link ScanPipeline} -> verdict (or a dead letter saying why
 * not), the upload's PDQ hash kept for retro-hunts in the task's changelogged store, and a share re-keyed by object
 * for the coordination windows. Every output of one upload, and the store updates, commit in one Kafka transaction
 * with the input offset (exactly-once v2): a verdict is neither lost nor doubled when an instance dies.
 *
 * <p>Retro-hunt: a wall-clock punctuation looks for signals this task has not hunted yet ({@link SignalFeed}, with
 * the last hunted offset per signals partition kept in a changelogged store) and searches the task's recent
 * uploads (a {@link HashIndex} rebuilt from the store) for each; an upload scanned before the signal was published
 * and within the bank's PDQ distance is a hit.
 */
final class ScanProcessor implements Processor<String, byte[], String, byte[]> {

    static final String RECENT_STORE = "recent-uploads";
    static final String CURSOR_STORE = "retro-hunt-cursors";
    static final String VERDICTS = "verdicts";
    static final String DEAD_LETTERS = "dead-letters";
    static final String RETRO_HUNTS = "retro-hunts";
    static final String SHARES = "shares";
    private static final String STARTED = "started";
    /** Below Kafka's default 1 MB record limit (message.max.bytes, max.request.size) with room for headers */
    static final int MAX_VERDICT_BYTES = 900_000;

    private final ScanPipeline pipeline;
    private final SignalBank bank;
    private final SignalFeed feed;
    private final MediaLoader media;
    private final StreamMetrics metrics;
    private final JsonMapper json;
    private final StreamConfig config;

    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, String> recent;
    private KeyValueStore<String, Long> cursors;
    private final HashIndex index = new HashIndex();
    private final Map<Long, String> uploadOf = new HashMap<>();
    private final Map<String, Long> slotOf = new HashMap<>();
    /** (scanned at, upload id) in scan order, for expiry */
    private final ArrayDeque<Map.Entry<Long, String>> order = new ArrayDeque<>();
    private long nextSlot;
    /** The feed's ends when this task was created: where a task that never hunted starts */
    private Map<Integer, Long> feedAtStart;

    ScanProcessor(ScanPipeline pipeline, SignalBank bank, SignalFeed feed, MediaLoader media, StreamMetrics metrics,
                  JsonMapper json, StreamConfig config) {
        this.pipeline = pipeline;
        this.bank = bank;
        this.feed = feed;
        this.media = media;
        this.metrics = metrics;
        this.json = json;
        this.config = config;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.recent = context.getStateStore(RECENT_STORE);
        this.cursors = context.getStateStore(CURSOR_STORE);
        List<Map.Entry<Long, String>> all = new ArrayList<>();
        try (KeyValueIterator<String, String> it = recent.all()) {
            while (it.hasNext()) {
                var kv = it.next();
                Recent r = Recent.parse(kv.value);
                all.add(Map.entry(r.scannedAt(), kv.key));
                index(kv.key, r);
            }
        }
        all.sort(Map.Entry.comparingByKey());
        order.addAll(all);
        feedAtStart = feed.ends();
        context.schedule(config.retroHuntInterval(), PunctuationType.WALL_CLOCK_TIME, this::hunt);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String key = record.key();
        UploadEvent event;
        try {
            if (record.value() == null) {
                throw new IllegalArgumentException("empty record (no upload event)");
            }
            event = json.readValue(record.value(), UploadEvent.class);
        } catch (RuntimeException e) {
            deadLetter(record, key, "bad-event", "not an upload event: " + StreamErrors.describe(e));
            return;
        }
        String id = event.id() != null && !event.id().isBlank() ? event.id() : key;
        if (id == null || id.isBlank()) {
            deadLetter(record, key, "bad-event", "the upload has no id and the record no key");
            return;
        }
        if (recent.get(id) != null) {
            // the same upload sent again (a producer retry): it already has its verdict
            metrics.deadLetter("duplicate");
            return;
        }
        MediaAsset asset;
        try {
            asset = media.load(event, id);
        } catch (MediaLoader.Refused r) {
            deadLetter(record, id, r.reason(), r.getMessage());
            return;
        }
        long t0 = System.nanoTime();
        Verdict verdict;
        try {
            verdict = pipeline.scan(asset, event.scanContext());
        } catch (RuntimeException e) {
            deadLetter(record, id, "internal", "could not scan: " + StreamErrors.describe(e));
            return;
        }
        long scanNanos = System.nanoTime() - t0;
        long now = System.currentTimeMillis();
        Pdq pdq = pdqOf(verdict);
        Recent r = new Recent(pdq == null ? "" : pdq.hex(), pdq == null ? 0 : pdq.quality(), now);
        recent.put(id, r.format());
        order.addLast(Map.entry(now, id));
        index(id, r);

        Map<String, Object> out = VerdictEvents.of(id, config.instanceId(), verdict, scanNanos / 1e6);
        context.forward(new Record<>(id, bounded(out, json), record.timestamp(), record.headers()), VERDICTS);
        metrics.verdict(verdict.label().id(), scanNanos, record.timestamp(), verdict.timings().analyzersMillis());

        var ctx = event.context();
        if (ctx != null && ctx.account() != null && !ctx.account().isBlank()) {
            String object = event.object() != null && !event.object().isBlank() ? event.object()
                    : verdict.asset().sha256() != null ? "sha256:" + verdict.asset().sha256() : null;
            if (object != null) {
                long at = event.time() != null ? event.time() : record.timestamp();
                Share share = new Share(ctx.platform(), ctx.account(), object, ctx.postId(), at, verdict.label().id());
                context.forward(new Record<>(object, json.writeValueAsBytes(share), record.timestamp()), SHARES);
            }
        }
    }

    /**
     * The verdict event as JSON; over {@link #MAX_VERDICT_BYTES} the full verdict is left out (the summary stays):
     * a record over Kafka's limit would fail its transaction again on every retry.
     */
    static byte[] bounded(Map<String, Object> event, JsonMapper json) {
        byte[] value = json.writeValueAsBytes(event);
        if (value.length <= MAX_VERDICT_BYTES) {
            return value;
        }
        Map<String, Object> summary = new LinkedHashMap<>(event);
        summary.remove("verdict");
        summary.put("verdictOmitted", "the full verdict is " + value.length + " bytes, over " + MAX_VERDICT_BYTES);
        return json.writeValueAsBytes(summary);
    }

    private void deadLetter(Record<String, byte[]> record, String id, String reason, String detail) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("uploadId", id);
        out.put("instance", config.instanceId());
        out.put("reason", reason);
        out.put("detail", detail);
        context.forward(new Record<>(id, json.writeValueAsBytes(out), record.timestamp()), DEAD_LETTERS);
        metrics.deadLetter(reason);
    }

    private void index(String id, Recent r) {
        if (r.hex().isEmpty()) {
            return;
        }
        long slot = nextSlot++;
        Long before = slotOf.put(id, slot);
        if (before != null) {
            index.remove(before);
            uploadOf.remove(before);
        }
        uploadOf.put(slot, id);
        index.add(Hash256.fromHex(r.hex()), slot);
    }

    /** The retro-hunt and the expiry of old uploads; runs in the task's thread, inside its transaction. */
    private void hunt(long now) {
        if (cursors.get(STARTED) == null) {
            // this task's first run ever: signals published before it existed cannot match its (empty) history
            feedAtStart.forEach((p, offset) -> cursors.put("p" + p, offset));
            cursors.put(STARTED, 0L);
        }
        for (Map.Entry<Integer, Long> end : feed.ends().entrySet()) {
            String key = "p" + end.getKey();
            Long stored = cursors.get(key);
            long cursor = stored == null ? -1 : stored;
            long last = cursor;
            for (SignalFeed.Item item : feed.after(end.getKey(), cursor)) {
                if (item.entry().type() == SignalType.PDQ && index.size() > 0) {
                    huntOne(item);
                }
                last = item.offset();
            }
            if (last != cursor) {
                cursors.put(key, last);
            }
        }
        long horizon = now - config.retroHuntRetention().toMillis();
        while (!order.isEmpty() && order.peekFirst().getKey() < horizon) {
            String id = order.pollFirst().getValue();
            recent.delete(id);
            Long slot = slotOf.remove(id);
            if (slot != null) {
                index.remove(slot);
                uploadOf.remove(slot);
            }
        }
    }

    private void huntOne(SignalFeed.Item item) {
        var entry = item.entry();
        MatchThresholds t = bank.thresholds(entry.bank()).orElse(MatchThresholds.DEFAULTS);
        if (entry.quality() < t.pdqQuality()) {
            return;
        }
        for (Match m : index.search(Hash256.fromHex(entry.signal()), t.pdqDistance())) {
            String upload = uploadOf.get(m.id());
            String stored = upload == null ? null : recent.get(upload);
            if (stored == null) {
                continue;
            }
            Recent r = Recent.parse(stored);
            if (r.scannedAt() > item.publishedMillis() || r.quality() < t.pdqQuality()) {
                continue; // scanned after the signal existed: its own verdict already matched it
            }
            Map<String, Object> hit = new LinkedHashMap<>();
            hit.put("uploadId", upload);
            hit.put("entryId", entry.id());
            hit.put("bank", entry.bank());
            hit.put("distance", m.distance());
            hit.put("label", entry.context().label());
            hit.put("reason", entry.context().reason());
            hit.put("debunkUrl", entry.context().debunkUrl());
            hit.put("uploadScannedAt", r.scannedAt());
            hit.put("signalPublishedAt", item.publishedMillis());
            hit.put("instance", config.instanceId());
            context.forward(new Record<>(upload, json.writeValueAsBytes(hit), System.currentTimeMillis()), RETRO_HUNTS);
            metrics.retroHuntHit();
        }
    }

    private record Pdq(String hex, int quality) {
    }

    private static Pdq pdqOf(Verdict v) {
        Evidence e = VerdictEvents.pdqEvidence(v);
        if (e == null) {
            return null;
        }
        Object q = e.details().get("quality");
        return new Pdq(String.valueOf(e.details().get("signal")), q instanceof Number n ? n.intValue() : 0);
    }

    /** What the recent-uploads store keeps per upload: {@code pdqhex|quality|scannedAtMillis} (hex empty when none). */
    record Recent(String hex, int quality, long scannedAt) {
        String format() {
            return hex + "|" + quality + "|" + scannedAt;
        }

        static Recent parse(String s) {
            String[] p = s.split("\\|", -1);
            return new Recent(p[0], Integer.parseInt(p[1]), Long.parseLong(p[2]));
        }
    }
}
