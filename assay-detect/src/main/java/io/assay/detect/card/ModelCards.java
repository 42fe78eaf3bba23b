package io.assay.detect.card;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The model cards of a models folder: every {@code *.card.yaml} directly in it, in name order, all valid. */
public final class ModelCards {

    public static final String SUFFIX = ".card.yaml";

    private ModelCards() {
    }

    /**
     * Parses every card in {@code dir}; the first bad card fails the whole load, so a half-configured detector set
     * never runs. Two cards with one id are an error.
     */
    public static List<ModelCard> load(Path dir) throws ModelCardException {
        if (!Files.isDirectory(dir)) {
            throw new ModelCardException("models folder " + dir + " does not exist or is not a folder");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).filter(Files::isRegularFile)
                    .sorted().toList();
        } catch (IOException e) {
            throw new ModelCardException("models folder " + dir + " cannot be listed: " + e.getMessage(), e);
        }
        List<ModelCard> cards = new ArrayList<>();
        Map<String, Path> ids = new HashMap<>();
        for (Path f : files) {
            ModelCard card = ModelCardParser.parse(f);
            Path before = ids.putIfAbsent(card.id(), f);
            if (before != null) {
                throw new ModelCardException("model card " + f + ": id '" + card.id() + "' is already used by " + before);
            }
            cards.add(card);
        }
        return List.copyOf(cards);
    }
}
