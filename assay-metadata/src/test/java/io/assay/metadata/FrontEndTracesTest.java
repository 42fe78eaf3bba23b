package io.assay.metadata;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FrontEndTracesTest {

    private static final String A1111 = """
            portrait of a senator giving a speech, (photorealistic:1.2), 35mm, "quoted", sharp focus
            second prompt line
            Negative prompt: cartoon, lowres,
            bad hands
            Steps: 28, Sampler: Euler a, Schedule type: Karras, CFG scale: 6.5, Seed: 3141592653, Size: 832x1216, \
            Model hash: 6ce0161689, Model: juggernautXL_v9, Lora hashes: "detail: 1a2b3c, skin: 4d5e6f", Version: v1.10.1""";

    @Test
    void parsesAnAutomatic1111Block() {
        SdWebUiParameters p = SdWebUiParameters.parse(A1111).orElseThrow();
        assertThat(p.prompt()).startsWith("portrait of a senator").endsWith("second prompt line");
        assertThat(p.negativePrompt()).isEqualTo("cartoon, lowres,\nbad hands");
        assertThat(p.settings()).containsEntry("Steps", "28").containsEntry("Sampler", "Euler a")
                .containsEntry("Seed", "3141592653").containsEntry("Model", "juggernautXL_v9")
                .containsEntry("Lora hashes", "detail: 1a2b3c, skin: 4d5e6f").containsEntry("Version", "v1.10.1");
        assertThat(p.citedSettings()).containsKeys("Steps", "Sampler", "Seed", "Size", "Model").doesNotContainKey("Lora hashes");
    }

    @Test
    void ignoresParametersThatAreNotGenerationSettings() {
        assertThat(SdWebUiParameters.parse("exposure parameters: ISO 100, f/2.8, 1/250s")).isEmpty();
        assertThat(SdWebUiParameters.parse("Recipe\nSteps: 3, Serves: 4")).isEmpty();
        assertThat(SdWebUiParameters.parse("Steps: many, Sampler: Euler")).isEmpty();
        assertThat(SdWebUiParameters.parse("")).isEmpty();
        assertThat(FrontEndTraces.recognise("parameters", "{\"width\": 3, \"height\": 4}", Map.of())).isEmpty();
        assertThat(FrontEndTraces.recognise("Comment", "{\"steps\": 28, \"seed\": 1}", Map.of("Software", "GIMP")))
                .isEmpty();
    }

    @Test
    void summarisesAParametersChunkWithoutTheWholePrompt() {
        String longPrompt = "word ".repeat(2_000) + "\nSteps: 20, Sampler: DDIM, Seed: 1";
        GeneratorTrace t = FrontEndTraces.recognise("parameters", longPrompt, Map.of()).orElseThrow();
        assertThat(t.summary()).isEqualTo("Stable Diffusion generation settings (Steps: 20, Sampler: DDIM)");
        assertThat(t.promptExcerpt()).hasSizeLessThanOrEqualTo(Texts.MAX_VALUE + 1).endsWith("…");
    }

    @Test
    void recognisesComfyUiGraphs() {
        String prompt = """
                {"3": {"class_type": "KSampler", "inputs": {"seed": 42, "steps": 20, "cfg": 8, "sampler_name": "euler",
                  "scheduler": "normal", "model": ["4", 0]}},
                 "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "sd_xl_base_1.0.safetensors"}},
                 "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "a ballot box on fire", "clip": ["4", 1]}}}""";
        GeneratorTrace t = FrontEndTraces.recognise("prompt", prompt, Map.of()).orElseThrow();
        assertThat(t.generator()).isEqualTo("ComfyUI");
        assertThat(t.settings()).containsEntry("steps", "20").containsEntry("sampler_name", "euler")
                .containsEntry("ckpt_name", "sd_xl_base_1.0.safetensors").containsEntry("nodes", "3");
        assertThat(t.promptExcerpt()).isEqualTo("a ballot box on fire");

        String workflow = "{\"last_node_id\": 9, \"nodes\": [{\"id\": 3, \"type\": \"KSampler\"}, {\"id\": 4, \"type\": \"VAEDecode\"}]}";
        assertThat(FrontEndTraces.recognise("workflow", workflow, Map.of())).get()
                .extracting(GeneratorTrace::summary).isEqualTo("a ComfyUI workflow graph (2 nodes)");

        assertThat(FrontEndTraces.recognise("prompt", "a cat on a mat", Map.of())).isEmpty();
        assertThat(FrontEndTraces.recognise("prompt", "{\"a\": {\"b\": 1}}", Map.of())).isEmpty();
        assertThat(FrontEndTraces.recognise("workflow", "{\"nodes\": []}", Map.of())).isEmpty();
    }

    @Test
    void recognisesInvokeAiAndNovelAi() {
        assertThat(FrontEndTraces.recognise("invokeai_metadata", """
                {"generation_mode": "txt2img", "positive_prompt": "a rally", "seed": 7, "steps": 30,
                 "model": {"name": "Juggernaut XL", "base": "sdxl"}}""", Map.of())).get()
                .satisfies(t -> {
                    assertThat(t.generator()).isEqualTo("InvokeAI");
                    assertThat(t.settings()).containsEntry("model", "Juggernaut XL").containsEntry("steps", "30");
                    assertThat(t.promptExcerpt()).isEqualTo("a rally");
                });
        assertThat(FrontEndTraces.recognise("Dream", "\"a candidate shaking hands\" -s 50 -S 1234 -W 512 -H 512 -C 7.5 -A k_lms",
                Map.of())).get().satisfies(t -> {
                    assertThat(t.settings()).containsEntry("steps", "50").containsEntry("seed", "1234")
                            .containsEntry("size", "512x512");
                    assertThat(t.promptExcerpt()).isEqualTo("a candidate shaking hands");
                });
        assertThat(FrontEndTraces.recognise("sd-metadata", """
                {"model": "stable diffusion", "model_weights": "stable-diffusion-1.5",
                 "image": {"prompt": [{"prompt": "x", "weight": 1}], "steps": 50, "sampler": "k_lms", "seed": 9}}""",
                Map.of())).get().extracting(GeneratorTrace::generator).isEqualTo("InvokeAI");
        assertThat(FrontEndTraces.recognise("Comment", """
                {"prompt": "a crowd", "steps": 28, "sampler": "k_euler_ancestral", "seed": 1, "uc": "lowres"}""",
                Map.of("Software", "NovelAI"))).get().extracting(GeneratorTrace::summary)
                .isEqualTo("NovelAI generation settings (steps: 28, sampler: k_euler_ancestral, seed: 1)");
    }

    @Test
    void hostileJsonIsNotATrace() {
        String deep = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
        assertThat(FrontEndTraces.recognise("prompt", deep, Map.of())).isEmpty();
        assertThat(FrontEndTraces.recognise("invokeai_metadata", "{\"steps\": 3,", Map.of())).isEmpty();
    }

    @Test
    void boundsTextOnOneLine() {
        assertThat(Texts.bounded("a\n\tb\u0000  c", 100)).isEqualTo("a b c");
        assertThat(Texts.bounded("abcdef", 3)).isEqualTo("abc…");
        assertThat(Texts.bounded(null)).isEmpty();
    }
}
