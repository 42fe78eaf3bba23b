package io.assay.metadata;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AiToolMatcherTest {

    private static final AiToolMatcher MATCHER = AiToolMatcher.defaults();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Midjourney v6|Midjourney",
            "midjourney|Midjourney",
            "DALL·E 3|DALL-E",
            "DALL-E|DALL-E",
            "OpenAI DALLE|DALL-E",
            "ChatGPT|ChatGPT",
            "GPT-4o|ChatGPT",
            "gpt-image-1|ChatGPT",
            "Stable Diffusion XL 1.0|Stable Diffusion",
            "ComfyUI|ComfyUI",
            "AUTOMATIC1111 stable-diffusion-webui v1.10|AUTOMATIC1111",
            "InvokeAI 4.2|InvokeAI",
            "NovelAI|NovelAI",
            "Adobe Firefly Image 3|Adobe Firefly",
            "Google Imagen 3|Imagen",
            "Gemini 2.5 Flash Image|Gemini",
            "FLUX.1 [dev]|FLUX",
            "Black Forest Labs FLUX 1.1 pro|FLUX",
            "Ideogram 2.0|Ideogram",
            "Leonardo.Ai|Leonardo.Ai",
            "Runway Gen-3 Alpha|Runway",
            "Sora|Sora",
            "Kling AI 1.6|Kling",
            "Pika 2.0|Pika",
            "ElevenLabs Multilingual v2|ElevenLabs",
            "Suno v4|Suno",
            "Udio|Udio"})
    void namesAnAiGenerator(String tool, String generator) {
        assertThat(MATCHER.match(tool)).get().extracting(AiToolMatcher.Match::generator).isEqualTo(generator);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Adobe Photoshop 25.0 (Windows)", "Adobe Lightroom 5.3 (Macintosh)", "GIMP 2.10.34",
            "ImageMagick 7.1.1", "Fluxus Photo Editor", "f.lux", "Pikachu Studio", "Soraya Camera", "Kingsoft Office",
            "Microsoft Windows Photo Viewer", "Runways Inc. scanner", "J320FXXU0AQL1", "Canon EOS R5 Firmware 1.8",
            "", "   "})
    void leavesOrdinarySoftwareAlone(String tool) {
        assertThat(MATCHER.match(tool)).isEmpty();
    }

    @Test
    void nullAndHugeNamesAreHandled() {
        assertThat(MATCHER.match(null)).isEmpty();
        assertThat(MATCHER.match("x".repeat(5_000_000) + " Midjourney")).isEmpty();
    }

    @Test
    void rejectsAMalformedList() {
        assertThatThrownBy(() -> AiToolMatcher.parse("Midjourney\n")).hasMessageContaining("line 1");
        assertThat(AiToolMatcher.parse("# c\nFoo Gen: foogen; Foo-Gen 2\n").match("made with FOO GEN 2"))
                .get().extracting(AiToolMatcher.Match::generator).isEqualTo("Foo Gen");
    }
}
