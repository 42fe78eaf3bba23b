package io.assay.core.analyzer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The analyzers on the classpath, found through {@link ServiceLoader}: a module offers an analyzer by listing it in
 * {@code META-INF/services/io.assay.core.analyzer.Analyzer}, or an {@link AnalyzerProvider} when it takes settings,
 * so adding a signal source is adding a jar.
 */
public final class InstalledAnalyzers {

    private InstalledAnalyzers() {
    }

    public static List<Analyzer> load() {
        return load(AnalyzerSettings.NONE);
    }

    /** @throws IllegalArgumentException when a provider rejects its settings (the message names the setting) */
    public static List<Analyzer> load(AnalyzerSettings settings) {
        List<Analyzer> found = new ArrayList<>();
        ClassLoader loader = InstalledAnalyzers.class.getClassLoader();
        ServiceLoader.load(Analyzer.class, loader).forEach(found::add);
        for (AnalyzerProvider provider : ServiceLoader.load(AnalyzerProvider.class, loader)) {
            try {
                found.add(provider.create(settings));
            } catch (IllegalArgumentException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalArgumentException("analyzer '" + provider.name() + "' could not be set up: " + e.getMessage(), e);
            }
        }
        found.sort(Comparator.comparing(Analyzer::name));
        for (int i = 1; i < found.size(); i++) {
            if (found.get(i).name().equals(found.get(i - 1).name())) {
                throw new IllegalStateException("two analyzers are named '" + found.get(i).name() + "'");
            }
        }
        return List.copyOf(found);
    }
}
