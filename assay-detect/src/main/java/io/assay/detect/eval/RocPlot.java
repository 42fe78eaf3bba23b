package io.assay.detect.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * One condition's ROC curves in one chart, drawn with Java2D (no charting library, works headless): every detector
 * and the ensemble (thicker), the chance diagonal, and a legend with each row's AUC and interval.
 */
public final class RocPlot {

    public static final int WIDTH = 720;
    public static final int HEIGHT = 720;

    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf), new Color(0xbcbd22),
            new Color(0x7f7f7f)};
    private static final Color ENSEMBLE = new Color(0xd62728);

    private static final int LEFT = 90, RIGHT = 30, TOP = 60, BOTTOM = 80;

    private RocPlot() {
    }

    public static BufferedImage draw(Condition condition, List<RowMetrics> rows) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            int side = Math.min(WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
            int x0 = LEFT, y0 = TOP + side; // the plot's origin (FPR 0, TPR 0), bottom left

            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
            g.setColor(Color.BLACK);
            g.drawString("ROC curves: " + condition.id(), LEFT, 26);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.drawString(condition.description(), LEFT, 46);

            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            FontMetrics fm = g.getFontMetrics();
            for (int i = 0; i <= 10; i++) {
                int x = x0 + side * i / 10;
                int y = y0 - side * i / 10;
                g.setColor(new Color(0xe6e6e6));
                g.drawLine(x, TOP, x, y0);
                g.drawLine(x0, y, x0 + side, y);
                g.setColor(Color.DARK_GRAY);
                String label = String.format(Locale.ROOT, "%.1f", i / 10.0);
                g.drawString(label, x - fm.stringWidth(label) / 2, y0 + 18);
                g.drawString(label, x0 - 8 - fm.stringWidth(label), y + 5);
            }
            g.setColor(Color.BLACK);
            g.drawRect(x0, TOP, side, side);
            g.drawString("False positive rate (real called synthetic)", x0 + side / 2 - 130, y0 + 45);
            Graphics2D v = (Graphics2D) g.create();
            v.rotate(-Math.PI / 2);
            v.drawString("True positive rate (fakes caught)", -(TOP + side / 2 + 100), 30);
            v.dispose();

            g.setColor(Color.GRAY);
            g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 6f}, 0f));
            g.drawLine(x0, y0, x0 + side, TOP);

            int colour = 0;
            int legendY = y0 - 20 - 20 * (rows.size() - 1);
            for (RowMetrics m : rows) {
                Color c = m.isEnsemble() ? ENSEMBLE : PALETTE[colour++ % PALETTE.length];
                g.setColor(c);
                g.setStroke(new BasicStroke(m.isEnsemble() ? 3.5f : 2f));
                List<RocCurve.Point> pts = m.roc().points();
                if (pts.size() > 1) {
                    Path2D.Double path = new Path2D.Double();
                    path.moveTo(x0 + pts.getFirst().fpr() * side, y0 - pts.getFirst().tpr() * side);
                    for (RocCurve.Point p : pts) {
                        path.lineTo(x0 + p.fpr() * side, y0 - p.tpr() * side);
                    }
                    g.draw(path);
                }
                String text = pts.size() > 1 ? m.row() + "  AUC " + MarkdownReport.withCi(m.auc()) + "  n=" + m.applied()
                        : m.row() + "  no curve (n=" + m.applied() + "; needs fakes and reals)";
                int lx = x0 + side - 14 - fm.stringWidth(text) - 30;
                g.setColor(new Color(255, 255, 255, 220));
                g.fillRect(lx - 6, legendY - 14, fm.stringWidth(text) + 44, 20);
                g.setColor(c);
                g.fillRect(lx, legendY - 6, 24, 4);
                g.setColor(Color.BLACK);
                g.drawString(text, lx + 30, legendY);
                legendY += 20;
            }
        } finally {
            g.dispose();
        }
        return img;
    }
}
