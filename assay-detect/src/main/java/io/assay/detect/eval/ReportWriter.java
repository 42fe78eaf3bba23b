package io.assay.detect.eval;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes {@code report.md}, {@code report.json} and one {@code roc-<condition>.png} per condition into a folder. */
public final class ReportWriter {

    public static final String MARKDOWN = "report.md";
    public static final String JSON = "report.json";

    private ReportWriter() {
    }

    public static String plotName(Condition c) {
        return "roc-" + c.id() + ".png";
    }

    /** The files written, in order. */
    public static List<Path> write(Evaluation e, Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException("cannot write the report into " + dir + ": it is a file, not a folder");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException ex) {
            throw new IOException("cannot create the report folder " + dir + ": " + ex.getMessage(), ex);
        }
        List<Path> written = new ArrayList<>();
        Path md = dir.resolve(MARKDOWN);
        Files.writeString(md, MarkdownReport.render(e), StandardCharsets.UTF_8);
        written.add(md);
        Path json = dir.resolve(JSON);
        Files.writeString(json, JsonReport.render(e), StandardCharsets.UTF_8);
        written.add(json);
        for (Condition c : e.conditions()) {
            Path png = dir.resolve(plotName(c));
            if (!ImageIO.write(RocPlot.draw(c, e.rows(c)), "png", png.toFile())) {
                throw new IOException("no PNG encoder in ImageIO");
            }
            written.add(png);
        }
        return written;
    }
}
