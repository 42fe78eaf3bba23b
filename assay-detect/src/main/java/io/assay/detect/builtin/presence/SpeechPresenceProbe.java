package io.assay.detect.builtin.presence;

import io.assay.core.media.MediaType;
import io.assay.detect.ContentProbe;
import io.assay.detect.ContentProfile;
import io.assay.detect.DetectorInput;
import io.assay.detect.builtin.Mono;
import io.assay.hash.audio.PcmAudio;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Speech presence: the share of the sound that {@link VoiceActivity} marks as speech, so voice models know they apply. */
public final class SpeechPresenceProbe implements ContentProbe {

    @Override
    public String id() {
        return "speech-presence";
    }

    @Override
    public Set<MediaType.Kind> kinds() {
        return Set.of(MediaType.Kind.AUDIO, MediaType.Kind.VIDEO);
    }

    @Override
    public ContentProfile probe(DetectorInput input) throws Exception {
        if (input.kind() != MediaType.Kind.AUDIO && input.kind() != MediaType.Kind.VIDEO) {
            return ContentProfile.UNKNOWN;
        }
        PcmAudio audio;
        try {
            audio = input.audio();
        } catch (IOException e) {
            return new ContentProfile(null, null, null, null, List.of("speech presence unknown: no decodable sound (" + e.getMessage() + ")"));
        }
        VoiceActivity.Result r = VoiceActivity.detect(Mono.of(audio), audio.sampleRate());
        String note = String.format(Locale.ROOT, "voice activity: speech in %.0f%% of %.1f s (%.1f s)", 100 * r.fraction(),
                audio.durationSeconds(), r.speechSeconds());
        return new ContentProfile(null, r.fraction(), null, null, List.of(note));
    }
}
