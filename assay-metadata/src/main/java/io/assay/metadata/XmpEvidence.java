package io.assay.metadata;

import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.XMPMetaFactory;
import com.adobe.internal.xmp.properties.XMPProperty;
import io.assay.core.evidence.DigitalSourceType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the origin statements in an XMP packet: IPTC digital source type, creator tool, C2PA provenance. */
final class XmpEvidence {

    static final String NS_IPTC_EXT = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/";
    static final String NS_XMP = "http://ns.adobe.com/xap/1.0/";
    static final String NS_TIFF = "http://ns.adobe.com/tiff/1.0/";
    static final String NS_DCTERMS = "http://purl.org/dc/terms/";

    /** Array items read per property: real files have one; a hostile one may have millions. */
    private static final int MAX_ITEMS = 8;

    static {
        // xmpcore resolves property paths through its global registry; register the prefixes we query, once.
        try {
            var registry = XMPMetaFactory.getSchemaRegistry();
            registry.registerNamespace(NS_IPTC_EXT, "Iptc4xmpExt");
            registry.registerNamespace(NS_DCTERMS, "dcterms");
        } catch (XMPException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private XmpEvidence() {
    }

    /**
     * @param xmp       the parsed packet
     * @param container where the packet was found, e.g. {@code JPEG APP1}
     */
    static void collect(XMPMeta xmp, String container, AiToolMatcher tools, Findings out) {
        for (String field : List.of("DigitalSourceType", "DigitalSourcefileType")) {
            for (String value : values(xmp, NS_IPTC_EXT, field)) {
                sourceType(field, value, container, out);
            }
        }
        for (String field : List.of("AISystemUsed", "AISystemVersionUsed")) {
            for (String value : values(xmp, NS_IPTC_EXT, field)) {
                out.observation("XMP Iptc4xmpExt:" + field + " names '" + Texts.bounded(value) + "'",
                        Findings.details("field", "Iptc4xmpExt:" + field, "value", Texts.bounded(value),
                                "container", container));
            }
        }
        for (String value : values(xmp, NS_XMP, "CreatorTool")) {
            ToolEvidence.collect("XMP xmp:CreatorTool", "XMP CreatorTool", value, container, tools, out);
        }
        for (String value : values(xmp, NS_TIFF, "Software")) {
            ToolEvidence.collect("XMP tiff:Software", "XMP tiff:Software", value, container, tools, out);
        }
        for (String value : values(xmp, NS_DCTERMS, "provenance")) {
            String v = Texts.bounded(value, 400);
            boolean remote = v.toLowerCase(Locale.ROOT).startsWith("http://") || v.toLowerCase(Locale.ROOT).startsWith("https://");
            out.observation("XMP dcterms:provenance refers to a C2PA manifest at " + v,
                    Findings.details("provenance", v, "remote", remote, "container", container));
        }
    }

    private static void sourceType(String field, String value, String container, Findings out) {
        String iri = Texts.bounded(value, 300);
        Optional<DigitalSourceType> type = DigitalSourceType.parse(value);
        if (type.isPresent()) {
            out.declaration("XMP Iptc4xmpExt:" + field + " declares " + type.get().code(),
                    Findings.XMP_SOURCE_TYPE_CONFIDENCE, type.get(),
                    Findings.details("field", "Iptc4xmpExt:" + field, "value", iri, "container", container));
        } else {
            out.observation("XMP Iptc4xmpExt:" + field + " has a value outside the IPTC vocabulary: '" + iri + "'",
                    Findings.details("field", "Iptc4xmpExt:" + field, "value", iri, "container", container));
        }
    }

    /** A property's values: its text when simple, its first items when an array; nothing when absent or odd. */
    static List<String> values(XMPMeta xmp, String ns, String name) {
        List<String> out = new ArrayList<>();
        try {
            XMPProperty p = xmp.getProperty(ns, name);
            if (p == null) {
                return out;
            }
            if (p.getOptions().isArray()) {
                int n = Math.min(xmp.countArrayItems(ns, name), MAX_ITEMS);
                for (int i = 1; i <= n; i++) {
                    XMPProperty item = xmp.getArrayItem(ns, name, i);
                    if (item != null && item.getOptions().isSimple() && item.getValue() != null) {
                        out.add(item.getValue());
                    }
                }
            } else if (p.getOptions().isSimple() && p.getValue() != null) {
                out.add(p.getValue());
            }
        } catch (XMPException e) {
            // A malformed property is no statement; the rest of the packet still counts.
        }
        out.removeIf(String::isBlank);
        return out;
    }
}
