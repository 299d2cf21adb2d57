#!/usr/bin/env bash
# Makes face.y4m, the browser tests' fake camera (Chromium's --use-file-for-fake-video-capture loops it): one 320x240
# frame of the public-domain NASA portrait of astronaut Eileen Collins that scikit-image ships as its "astronaut"
# sample, cropped to the face and shoulders. Needs Debian's python3-skimage (for the picture) and ffmpeg; the result is
# committed, so the tests need neither.
set -euo pipefail
cd "$(dirname "$0")"
ffmpeg -v error -y -i /usr/lib/python3/dist-packages/skimage/data/astronaut.png \
    -vf "crop=300:225:90:5,scale=320:240,format=yuv420p" -r 10 -frames:v 1 face.y4m
