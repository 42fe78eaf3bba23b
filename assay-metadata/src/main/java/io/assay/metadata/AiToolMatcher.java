package io.assay.metadata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises the names of AI generators in creator-tool and software fields. The list lives in
 * {@code ai-generators.txt} beside this class so that it can grow without code changes. Immutable, thread-safe.
 */
public final class AiToolMatcher {

    public static final String DEFAULT_RESOURCE = "ai-generators.txt";

    /** Spaces, hyphens, underscores, dots and middle dots all separate words alike ("DALL·E" = "dall e"). */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-_.·/,;:()\\[\\]]+");

    private static final int MAX_TOOL_NAME = 1_000;

    /** A generator and one way of writing its name, already normalised. */
    private record Alias(String generator, String normalised) {
    }

    /** What matched: the generator's canonical name and the alias found in the tool name. */
    public record Match(String generator, String alias) {
    }

    private final List<Alias> aliases;

    private AiToolMatcher(List<Alias> aliases) {
        this.aliases = List.copyOf(aliases);
    }

    /** The matcher with the list shipped in this module. */
    public static AiToolMatcher defaults() {
        try (InputStream in = AiToolMatcher.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the AI generator list " + DEFAULT_RESOURCE + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a list in the format of {@code ai-generators.txt}. */
    public static AiToolMatcher parse(String list) {
        List<Alias> aliases = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(list))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                int colon = l.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("AI generator list line " + n + ": expected 'Name: alias; alias'");
                }
                String generator = l.substring(0, colon).strip();
                List<String> names = new ArrayList<>(List.of(generator));
                for (String a : l.substring(colon + 1).split(";")) {
                    names.add(a.strip());
                }
                for (String name : names) {
                    String norm = normalise(name);
                    if (!norm.isEmpty() && aliases.stream().noneMatch(x -> x.normalised.equals(norm))) {
                        aliases.add(new Alias(generator, norm));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Longest alias first, so that "Adobe Firefly" wins over "Firefly" and names the most specific match.
        aliases.sort((a, b) -> Integer.compare(b.normalised.length(), a.normalised.length()));
        return new AiToolMatcher(aliases);
    }

    /** The AI generator a tool name names, matched case-insensitively on whole words. */
    public Optional<Match> match(String toolName) {
        if (toolName == null || toolName.isBlank()) {
            return Optional.empty();
        }
        // Tool names are short; a megabyte "tool name" is hostile and its head is enough.
        String bounded = toolName.length() > MAX_TOOL_NAME ? toolName.substring(0, MAX_TOOL_NAME) : toolName;
        String padded = " " + normalise(bounded) + " ";
        for (Alias a : aliases) {
            if (padded.contains(" " + a.normalised + " ")) {
                return Optional.of(new Match(a.generator, a.normalised));
            }
        }
        return Optional.empty();
    }

    static String normalise(String s) {
        return SEPARATORS.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
