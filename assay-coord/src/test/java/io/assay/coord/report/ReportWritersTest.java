package io.assay.coord.report;

import io.assay.coord.detect.CampaignDetector;
import io.assay.coord.detect.CampaignDetectorTest;
import io.assay.coord.detect.CoordinationResult;
import io.assay.coord.detect.CoordinationSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWritersTest {

    @Test
    void jsonCsvAndGraphMlAgree(@TempDir Path dir) throws Exception {
        CoordinationResult r = new CampaignDetector(CoordinationSettings.DEFAULT).detect(CampaignDetectorTest.twoGroups());
        CampaignJson.write(r, dir.resolve("c.json"));
        CampaignCsv.write(r, dir.resolve("c.csv"));
        GraphMlWriter.write(r, dir.resolve("n.graphml"));

        JsonNode json = JsonMapper.builder().build().readTree(dir.resolve("c.json").toFile());
        assertThat(json.get("campaigns")).hasSize(2);
        assertThat(json.get("campaigns").get(0).get("accounts")).hasSize(4);
        assertThat(json.get("network").get("coordinated_edges").asInt()).isEqualTo(12);

        List<String> csv = Files.readAllLines(dir.resolve("c.csv"));
        assertThat(csv.getFirst()).isEqualTo(CampaignCsv.HEADER);
        assertThat(csv).hasSize(9);

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(dir.resolve("n.graphml").toFile());
        NodeList nodes = doc.getElementsByTagNameNS("http://graphml.graphdrawing.org/xmlns", "node");
        NodeList edges = doc.getElementsByTagNameNS("http://graphml.graphdrawing.org/xmlns", "edge");
        assertThat(nodes.getLength()).isEqualTo(8);
        assertThat(edges.getLength()).isEqualTo(12);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            ids.add(((Element) nodes.item(i)).getAttribute("id"));
        }
        for (int i = 0; i < edges.getLength(); i++) {
            Element e = (Element) edges.item(i);
            assertThat(ids).contains(e.getAttribute("source"), e.getAttribute("target"));
        }
    }

    @Test
    void csvCellsCannotBecomeFormulas() {
        assertThat(CampaignCsv.quote("=cmd()")).isEqualTo("'=cmd()");
        assertThat(CampaignCsv.quote("a,b")).isEqualTo("\"a,b\"");
    }
}
