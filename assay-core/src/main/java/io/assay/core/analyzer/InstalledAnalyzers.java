package io.assay.core.analyzer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The analyzers on the classpath, found through {@link ServiceLoader}: a module offers an analyzer by listing it in
 * {@code META-INF/services/io.assay.core.analyzer.Analyzer}, so adding a signal source is adding a jar.
 */
public final class InstalledAnalyzers {

    private InstalledAnalyzers() {
    }

    public static List<Analyzer> load() {
        List<Analyzer> found = new ArrayList<>();
        ServiceLoader.load(Analyzer.class, InstalledAnalyzers.class.getClassLoader()).forEach(found::add);
        found.sort(Comparator.comparing(Analyzer::name));
        for (int i = 1; i < found.size(); i++) {
            if (found.get(i).name().equals(found.get(i - 1).name())) {
                throw new IllegalStateException("two analyzers are named '" + found.get(i).name() + "'");
            }
        }
        return List.copyOf(found);
    }
}
