package io.assay.server.console;

import io.assay.c2pa.C2paException;
import io.assay.c2pa.C2paReader;
import io.assay.c2pa.manifest.Action;
import io.assay.c2pa.manifest.Actions;
import io.assay.c2pa.manifest.Assertion;
import io.assay.c2pa.manifest.Cbor;
import io.assay.c2pa.manifest.Ingredient;
import io.assay.c2pa.manifest.Manifest;
import io.assay.c2pa.manifest.ManifestStore;
import io.assay.core.evidence.DigitalSourceType;
import io.assay.core.media.MediaAsset;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The Content Credentials of a file as a tree for people: the active manifest (its generator, signer, actions and
 * thumbnail), and under it each ingredient (title, format, relationship, thumbnail) with, when the ingredient carried
 * Content Credentials of its own, that manifest's actions and ingredients in turn. Read from the file's manifest store;
 * validation is the C2PA analyzer's job and is shown beside the tree, from the verdict.
 */
public final class ManifestTree {

    static final int MAX_DEPTH = 12;
    static final int MAX_THUMBNAIL = 256 * 1024;

    /** One node: a manifest, or an ingredient (with its manifest's particulars when it has one in the store). */
    public record Node(String title, String format, String relationship, String manifestLabel, String generator,
                       String signer, List<String> actions, String thumbnail, String note, List<Node> children) {
    }

    private ManifestTree() {
    }

    /** The tree of the asset's embedded manifest store; empty when it has none or it cannot be read. */
    public static Optional<Node> of(MediaAsset asset) {
        try {
            return C2paReader.read(asset).map(ManifestTree::of);
        } catch (C2paException | RuntimeException e) {
            return Optional.empty(); // the analyzer reports why in the verdict
        }
    }

    static Node of(ManifestStore store) {
        Manifest active = store.activeManifest();
        Set<String> seen = new HashSet<>();
        return manifestNode(store, active, active.claim().title().orElse(null), active.claim().format().orElse(null),
                null, claimThumbnail(active), seen, 0);
    }

    private static Node manifestNode(ManifestStore store, Manifest m, String title, String format, String relationship,
                                     String thumbnail, Set<String> seen, int depth) {
        seen.add(m.label());
        String signer;
        try {
            signer = m.signer().displayName();
        } catch (C2paException | RuntimeException e) {
            signer = "unreadable signature";
        }
        List<String> actions = new ArrayList<>();
        try {
            for (Actions as : m.actions()) {
                for (Action a : as.actions()) {
                    actions.add(describe(a));
                }
            }
        } catch (C2paException | RuntimeException e) {
            actions.add("actions unreadable: " + e.getMessage());
        }
        List<Node> children = new ArrayList<>();
        if (depth < MAX_DEPTH) {
            for (Assertion a : m.assertions().values()) {
                if (!Ingredient.is(a)) {
                    continue;
                }
                try {
                    children.add(ingredientNode(store, m, a, seen, depth + 1));
                } catch (C2paException | RuntimeException e) {
                    children.add(new Node(a.label(), null, null, null, null, null, List.of(), null,
                            "ingredient unreadable: " + e.getMessage(), List.of()));
                }
            }
        }
        return new Node(title != null ? title : m.claim().title().orElse("(untitled)"),
                format != null ? format : m.claim().format().orElse(null), relationship, m.label(),
                m.claim().generator(), signer, actions, thumbnail, null, children);
    }

    private static Node ingredientNode(ManifestStore store, Manifest owner, Assertion a, Set<String> seen, int depth)
            throws C2paException {
        Ingredient ing = Ingredient.parse(a);
        String thumbnail = a.data().flatMap(d -> Cbor.map(d, "thumbnail")).flatMap(t -> Cbor.text(t, "url"))
                .flatMap(url -> thumbnailAt(store, owner, url)).orElse(null);
        Optional<String> label = ing.manifestLabel();
        if (label.isPresent()) {
            Optional<Manifest> m = store.manifest(label.get());
            if (m.isPresent() && !seen.contains(label.get())) {
                return manifestNode(store, m.get(), ing.title().orElse(null), ing.format().orElse(null),
                        ing.relationship(), thumbnail != null ? thumbnail : claimThumbnail(m.get()), seen, depth);
            }
            return new Node(ing.title().orElse("(untitled)"), ing.format().orElse(null), ing.relationship(), label.get(),
                    null, null, List.of(), thumbnail,
                    m.isPresent() ? "manifest already shown above" : "its manifest is not in this store", List.of());
        }
        return new Node(ing.title().orElse("(untitled)"), ing.format().orElse(null), ing.relationship(), null, null,
                null, List.of(), thumbnail, "no Content Credentials of its own", List.of());
    }

    private static String describe(Action a) {
        StringBuilder s = new StringBuilder(a.action());
        a.digitalSourceType().ifPresent(t -> s.append(" - ")
                .append(DigitalSourceType.parse(t).map(DigitalSourceType::code).orElse(t)));
        a.softwareAgent().ifPresent(g -> s.append(" - by ").append(g));
        a.when().ifPresent(w -> s.append(" - ").append(w));
        return s.toString();
    }

    private static String claimThumbnail(Manifest m) {
        return m.assertions().values().stream().filter(x -> x.baseLabel().startsWith("c2pa.thumbnail.claim"))
                .findFirst().map(ManifestTree::dataUri).orElse(null);
    }

    /** The thumbnail a hashed URI points to: in the named manifest, else in the owner's. */
    private static Optional<String> thumbnailAt(ManifestStore store, Manifest owner, String url) {
        int slash = url.lastIndexOf('/');
        String assertion = slash < 0 ? url : url.substring(slash + 1);
        Manifest in = owner;
        int c2pa = url.indexOf("c2pa/");
        if (c2pa >= 0) {
            String rest = url.substring(c2pa + 5);
            int s = rest.indexOf('/');
            if (s > 0) {
                in = store.manifest(rest.substring(0, s)).orElse(owner);
            }
        }
        return in.assertion(assertion).map(ManifestTree::dataUri);
    }

    private static String dataUri(Assertion a) {
        if (a.kind() != Assertion.Kind.EMBEDDED_FILE || a.content().length() > MAX_THUMBNAIL || a.content().length() < 8) {
            return null;
        }
        byte[] b = a.content().toByteArray();
        String mime;
        if ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8) {
            mime = "image/jpeg";
        } else if ((b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            mime = "image/png";
        } else if (b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F') {
            mime = "image/webp";
        } else {
            return null; // only image formats a browser shows are inlined (sniffed, not trusted from the label)
        }
        return "data:" + mime + ";base64," + Base64.getEncoder().encodeToString(b);
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
