package io.assay.cli;

import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code assay coord}, in process, on small CSVs and on CooRTweet's Russian dataset. */
class CoordCommandTest {

    static final String GRAPHML = "http://graphml.graphdrawing.org/xmlns";

    /** Two groups of 4 accounts pushing 10 objects each within seconds; 200 background accounts co-sharing by chance. */
    static Path sharesCsv(Path dir) throws Exception {
        StringBuilder b = new StringBuilder("platform,account,time,object,label\n");
        long base = 1_725_000_000L;
        for (int k = 0; k < 10; k++) {
            long t0 = base + k * 3600;
            for (int m = 0; m < 4; m++) {
                b.append("tw,cell1_").append(m).append(',').append(t0 + m * 2).append(",push1_").append(k).append(",ai-generated\n");
                b.append("fb,cell2_").append(m).append(',').append(t0 + 1800 + m).append(",\"https://ex.org/p").append(k).append("?utm_source=x\",\n");
            }
            for (int bg = 0; bg < 40; bg++) {
                b.append("tw,bg").append((k * 97 + bg * 13) % 200).append(',').append(t0 + bg * 5).append(",news").append(k).append(",\n");
            }
        }
        Path csv = dir.resolve("shares.csv");
        Files.writeString(csv, b);
        return csv;
    }

    @Test
    void writesJsonCsvAndAGraphMlThatParsesBack(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Run r = run("coord", "--input", sharesCsv(dir).toString(), "--out", out.toString());
        assertThat(r.exit).as(r.err).isZero();
        assertThat(r.out).contains("2 campaigns");

        JsonNode json = JsonMapper.builder().build().readTree(out.resolve("campaigns.json").toFile());
        assertThat(json.get("campaigns")).hasSize(2);
        Set<String> campaignAccounts = new HashSet<>();
        for (JsonNode c : json.get("campaigns")) {
            c.get("accounts").forEach(a -> campaignAccounts.add(a.asString()));
            assertThat(c.get("objects")).hasSize(10);
        }
        assertThat(campaignAccounts).containsExactlyInAnyOrder("tw:cell1_0", "tw:cell1_1", "tw:cell1_2", "tw:cell1_3",
                "fb:cell2_0", "fb:cell2_1", "fb:cell2_2", "fb:cell2_3");
        assertThat(Files.readAllLines(out.resolve("campaigns.csv"))).hasSize(1 + 8);

        Document doc = parse(out.resolve("network.graphml"));
        NodeList nodes = doc.getElementsByTagNameNS(GRAPHML, "node");
        NodeList edges = doc.getElementsByTagNameNS(GRAPHML, "edge");
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("graphml");
        assertThat(nodes.getLength()).isEqualTo(8);
        assertThat(edges.getLength()).isEqualTo(12);
        Map<String, String> campaignOfNode = new HashMap<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element n = (Element) nodes.item(i);
            campaignOfNode.put(n.getAttribute("id"), data(n, "campaign"));
        }
        for (int i = 0; i < edges.getLength(); i++) {
            Element e = (Element) edges.item(i);
            // every edge joins two nodes of the graph, inside one campaign, weighted by the 10 co-shared objects
            assertThat(campaignOfNode).containsKeys(e.getAttribute("source"), e.getAttribute("target"));
            assertThat(campaignOfNode.get(e.getAttribute("source"))).isEqualTo(campaignOfNode.get(e.getAttribute("target")));
            assertThat(Double.parseDouble(data(e, "weight"))).isEqualTo(10.0);
        }
    }

    @Test
    void cooRTweetCompatibilityOnTheRussianDataset(@TempDir Path dir) throws Exception {
        Path csv = SharedCorpus.corpus("coordination/russian_coord_tweets.csv");
        Run r = run("coord", "--input", csv.toString(), "--compat", "cootweet", "--window", "10s", "--out", dir.toString());
        assertThat(r.exit).as(r.err).isZero();
        // the peer's counts (peer-cooRTweet/README.md): 447 pairs, 442 edges, 4 coordinated
        assertThat(Files.readAllLines(dir.resolve("groups.csv"))).hasSize(1 + 447);
        List<String> edges = Files.readAllLines(dir.resolve("edges.csv"));
        assertThat(edges).hasSize(1 + 442);
        assertThat(edges.stream().filter(l -> l.endsWith(",1")).count()).isEqualTo(4);
        assertThat(parse(dir.resolve("network.graphml")).getElementsByTagNameNS(GRAPHML, "edge").getLength()).isEqualTo(4);
    }

    @Test
    void aBadRowIsOneLineWithItsLineNumber(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "object_id,account_id,content_id,timestamp_share\no1,a,c1,100\no1,b,c2,soon\n");
        Run r = run("coord", "--input", csv.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err.strip()).isEqualTo("assay: bad.csv line 3: timestamp_share 'soon' is not Unix seconds");
        assertThat(r.err).doesNotContain("\tat ");
    }

    @Test
    void aBadWindowIsRefused(@TempDir Path dir) throws Exception {
        Run r = run("coord", "--input", sharesCsv(dir).toString(), "--window", "soon", "--out", dir.toString());
        assertThat(r.exit).isNotZero();
        assertThat(r.err).contains("--window 'soon'").doesNotContain("\tat ");
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    private static String data(Element owner, String key) {
        NodeList d = owner.getElementsByTagNameNS(GRAPHML, "data");
        for (int i = 0; i < d.getLength(); i++) {
            Element e = (Element) d.item(i);
            if (e.getAttribute("key").equals(key)) {
                return e.getTextContent();
            }
        }
        throw new AssertionError("no data " + key);
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AssayCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }
}
