package io.assay.coord.report;

import io.assay.coord.detect.AccountNetwork;
import io.assay.coord.detect.CoordinationResult;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * network.graphml for Gephi (or igraph, networkx, yEd): the coordinated subgraph, one node per account with its
 * campaign (0 = in no reported campaign) and co-share count, one undirected edge per coordinated account pair with
 * weight (co-shared objects), pairs, mean delta, symmetry and the weight expected by chance. The full network
 * (mostly single chance co-shares) is not written: it can have millions of edges.
 */
public final class GraphMlWriter {

    private GraphMlWriter() {
    }

    public static void write(CoordinationResult r, OutputStream out) throws IOException {
        AccountNetwork net = r.network();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("graphml");
            x.writeDefaultNamespace("http://graphml.graphdrawing.org/xmlns");
            x.writeCharacters("\n");
            key(x, "campaign", "node", "campaign", "int");
            key(x, "co_shares", "node", "co_shares", "int");
            key(x, "weight", "edge", "weight", "double");
            key(x, "pairs", "edge", "pairs", "int");
            key(x, "avg_delta", "edge", "avg_delta_seconds", "double");
            key(x, "symmetry", "edge", "symmetry", "double");
            key(x, "expected", "edge", "expected_weight", "double");
            x.writeStartElement("graph");
            x.writeAttribute("id", "coordination");
            x.writeAttribute("edgedefault", "undirected");
            x.writeCharacters("\n");
            Set<Integer> nodes = new LinkedHashSet<>();
            for (int e = 0; e < net.edgeCount(); e++) {
                if (net.coordinated(e)) {
                    nodes.add(net.from(e));
                    nodes.add(net.to(e));
                }
            }
            Map<String, Integer> campaignOf = r.campaignOfAccount();
            for (int a : nodes) {
                String name = net.table().accounts().name(a);
                x.writeStartElement("node");
                x.writeAttribute("id", name);
                data(x, "campaign", Integer.toString(campaignOf.getOrDefault(name, 0)));
                data(x, "co_shares", Integer.toString(net.coShares(a)));
                x.writeEndElement();
                x.writeCharacters("\n");
            }
            for (int e = 0; e < net.edgeCount(); e++) {
                if (!net.coordinated(e)) {
                    continue;
                }
                AccountNetwork.Edge ed = net.edge(e);
                x.writeStartElement("edge");
                x.writeAttribute("source", ed.a());
                x.writeAttribute("target", ed.b());
                data(x, "weight", Integer.toString(ed.weight()));
                data(x, "pairs", Integer.toString(ed.pairs()));
                data(x, "avg_delta", num(ed.avgDeltaSeconds()));
                data(x, "symmetry", num(ed.symmetry()));
                data(x, "expected", num(ed.expectedWeight()));
                x.writeEndElement();
                x.writeCharacters("\n");
            }
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write GraphML: " + e.getMessage(), e);
        }
    }

    public static void write(CoordinationResult r, Path file) throws IOException {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            write(r, out);
        }
    }

    private static void key(XMLStreamWriter x, String id, String domain, String name, String type) throws XMLStreamException {
        x.writeEmptyElement("key");
        x.writeAttribute("id", id);
        x.writeAttribute("for", domain);
        x.writeAttribute("attr.name", name);
        x.writeAttribute("attr.type", type);
        x.writeCharacters("\n");
    }

    private static void data(XMLStreamWriter x, String key, String value) throws XMLStreamException {
        x.writeStartElement("data");
        x.writeAttribute("key", key);
        x.writeCharacters(value);
        x.writeEndElement();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
