#!/usr/bin/env bash
# Regenerates the committed audio fixtures and manifest.json. Needs espeak-ng and sox; CI does not run this,
# tests read only the committed output.
#
# three-sentences.wav: lead-in, three English sentences separated by pauses, tail; low white noise throughout.
# noise-only.wav:      digital silence (a muted microphone) followed by the same low white noise; no speech.
#
# The expected utterance boundaries are computed from the sample counts of the pieces that are concatenated,
# after trimming espeak-ng's own leading/trailing silence from each sentence, so they are exact, not eyeballed.
set -euo pipefail

cd "$(dirname "$0")"
rate=16000
lead_samples=12800     # 0.8 s
pause_samples=19200    # 1.2 s
tail_samples=16000     # 1.0 s
noise_volume=0.005     # uniform white noise, about -51 dBFS RMS: well below speech, well above digital silence
sentences=(
    "I have been feeling anxious about work lately."
    "Sometimes I think that everything will go wrong."
    "Talking about it helps me see things more clearly."
)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pcm=(-r "$rate" -c 1 -b 16 -e signed-integer)

silence() { # silence <samples> <file>
    sox -D -r "$rate" -c 1 -n "${pcm[@]}" "$2" trim 0 "$1s"
}

samples_of() {
    soxi -s "$1"
}

ms_of() { # integer milliseconds of a sample position
    echo $(( $1 * 1000 / rate ))
}

silence "$lead_samples" "$tmp/lead.wav"
silence "$pause_samples" "$tmp/pause.wav"
silence "$tail_samples" "$tmp/tail.wav"

pieces=("$tmp/lead.wav")
position=$lead_samples
utterances_json=""
for i in "${!sentences[@]}"; do
    espeak-ng -v en-us -s 150 -w "$tmp/raw$i.wav" "${sentences[$i]}"
    # Resample to 16 kHz mono PCM16 and trim espeak-ng's silence: audio starts where the signal first exceeds
    # -50 dBFS for 5 ms and ends where it last does, which is where a listener hears the sentence begin and end.
    sox -D "$tmp/raw$i.wav" "${pcm[@]}" "$tmp/s$i.wav" \
        silence 1 0.005 -50d reverse silence 1 0.005 -50d reverse
    length=$(samples_of "$tmp/s$i.wav")
    start=$position
    end=$(( position + length ))
    [[ -n "$utterances_json" ]] && utterances_json+=","
    utterances_json+=$'\n'"        {\"text\": \"${sentences[$i]}\", \"startMs\": $(ms_of "$start"), \"endMs\": $(ms_of "$end")}"
    pieces+=("$tmp/s$i.wav")
    position=$end
    if (( i < ${#sentences[@]} - 1 )); then
        pieces+=("$tmp/pause.wav")
        position=$(( position + pause_samples ))
    fi
done
pieces+=("$tmp/tail.wav")
total_samples=$(( position + tail_samples ))

sox -D "${pieces[@]}" "$tmp/speech.wav"
[[ $(samples_of "$tmp/speech.wav") -eq $total_samples ]] || { echo "concatenated length mismatch" >&2; exit 1; }

# -R makes the noise repeatable, so regenerating gives the same bytes.
sox -R -D -r "$rate" -c 1 -n "${pcm[@]}" "$tmp/noise.wav" synth "${total_samples}s" whitenoise vol "$noise_volume"
sox -R -D -m -v 1 "$tmp/speech.wav" -v 1 "$tmp/noise.wav" "${pcm[@]}" three-sentences.wav

muted_samples=16000    # 1.0 s
noisy_samples=80000    # 5.0 s
silence "$muted_samples" "$tmp/muted.wav"
sox -R -D -r "$rate" -c 1 -n "${pcm[@]}" "$tmp/noise5.wav" synth "${noisy_samples}s" whitenoise vol "$noise_volume"
sox -R -D "$tmp/muted.wav" "$tmp/noise5.wav" "${pcm[@]}" noise-only.wav

cat > manifest.json <<JSON
{
  "generator": "make-fixtures.sh (espeak-ng $(espeak-ng --version | awk '{print $4}'), sox $(sox --version | awk '{print $NF}'))",
  "sampleRate": $rate,
  "files": [
    {
      "file": "three-sentences.wav",
      "durationMs": $(ms_of "$total_samples"),
      "utterances": [$utterances_json
      ]
    },
    {
      "file": "noise-only.wav",
      "durationMs": $(ms_of $(( muted_samples + noisy_samples ))),
      "utterances": []
    }
  ]
}
JSON
echo "wrote three-sentences.wav, noise-only.wav, manifest.json"
