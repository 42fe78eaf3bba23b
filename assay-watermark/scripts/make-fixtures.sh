#!/usr/bin/env bash
# Makes the dwtDct compatibility fixtures in src/test/resources/dwtdct/ with the real invisible-watermark code, and
# (with "verify FILE...") decodes images with it, to check by hand that Assay's Java encoder is read by upstream.
#
# Needs: Debian's python3-opencv (4.6.0) and python3-pywt (1.1.1) plus numpy, installed with
#   apt-get install -y python3-opencv python3-pywt
# and a git clone (or bare mirror) of https://github.com/ShieldMnt/invisible-watermark at UPSTREAM_COMMIT, given as
# IMWATERMARK_GIT (a .git directory). Nothing is pip-installed: the script extracts the package's imwatermark/
# folder from that commit into a temporary directory and puts it on PYTHONPATH. Upstream's __init__ imports its
# rivaGan module, which imports torch; dwtDct does not use it, so a stub 'torch' module is registered first.
#
# Usage:
#   IMWATERMARK_GIT=/path/to/invisible-watermark/.git scripts/make-fixtures.sh            # (re)make the fixtures
#   IMWATERMARK_GIT=... scripts/make-fixtures.sh verify 136 a.png b.png                  # decode 136 bits of each
#
# Sources: photos from the shared test corpus (../shared/corpus), which must sit beside the repository.
set -euo pipefail
UPSTREAM_COMMIT=68d0376d94a4701ed240af0841ec12e00676e325   # invisible-watermark, 2023-08-25 (v0.2.0 era)
here="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${ASSAY_SHARED:-$here/../../shared}/corpus"
out="$here/src/test/resources/dwtdct"
py=/usr/bin/python3
: "${IMWATERMARK_GIT:?set IMWATERMARK_GIT to a git directory of ShieldMnt/invisible-watermark}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
git --git-dir="$IMWATERMARK_GIT" archive "$UPSTREAM_COMMIT" imwatermark | tar -x -C "$tmp"
export PYTHONPATH="$tmp"

if [[ "${1:-}" == verify ]]; then
  shift
  len="$1"; shift
  exec "$py" - "$len" "$@" <<'PY'
import sys, types
sys.modules['torch'] = types.ModuleType('torch')
import cv2
from imwatermark import WatermarkDecoder
n = int(sys.argv[1])
for f in sys.argv[2:]:
    bits = WatermarkDecoder('bits', n).decode(cv2.imread(f), 'dwtDct')
    print(f, ''.join('1' if b else '0' for b in bits))
PY
fi

mkdir -p "$out"
"$py" - "$corpus" "$out" <<'PY'
import sys, types
sys.modules['torch'] = types.ModuleType('torch')  # dwtDct never touches rivaGan
import cv2, numpy as np
from imwatermark import WatermarkEncoder, WatermarkDecoder

corpus, out = sys.argv[1], sys.argv[2]
SD1 = b'StableDiffusionV1'                      # CompVis/stable-diffusion scripts/txt2img.py
SDXL = [int(b) for b in bin(0xB3EC907BB19E)[2:]]  # Stability-AI/generative-models sgm/inference/helpers.py

def square512(img):
    h, w = img.shape[:2]
    s = min(h, w)
    y, x = (h - s) // 2, (w - s) // 2
    return cv2.resize(img[y:y + s, x:x + s], (512, 512), interpolation=cv2.INTER_AREA)

sources = {
    'astronaut': cv2.imread(corpus + '/metadata/astronaut-plain.jpg'),                  # 512x512
    'coffee': cv2.imread(corpus + '/metadata/coffee-plain.jpg')[50:350, 92:508],        # 600x400 -> 416x300
    'bridge': square512(cv2.imread(corpus + '/pdq/bridge-mods/aaa-orig.jpg')),          # 1600x1004 -> 512x512
    'cloud': cv2.imread(corpus + '/c2pa/assets/rs-cloud.jpg'),                          # 375x375: sides not /4
}
rows = ['file,payload,upstream_decoded_bits']

def save(name, img, payload, n):
    cv2.imwrite(out + '/' + name, img)
    back = cv2.imread(out + '/' + name)
    assert np.array_equal(back, img)
    bits = WatermarkDecoder('bits', n).decode(back, 'dwtDct') if n else []
    rows.append('%s,%s,%s' % (name, payload, ''.join('1' if b else '0' for b in bits)))

for name, img in sources.items():
    save(name + '-clean.png', img, 'none', 0)
    enc = WatermarkEncoder()
    enc.set_watermark('bytes', SD1)
    if name != 'bridge':
        save(name + '-sd1.png', enc.encode(img, 'dwtDct'), 'sd1', 136)
    if name in ('astronaut', 'coffee'):
        enc = WatermarkEncoder()
        enc.set_watermark('bits', SDXL)
        save(name + '-sdxl.png', enc.encode(img, 'dwtDct'), 'sdxl', 48)

# SDXL's own pipeline hands the encoder float32 pixels (no uint8 store inside), then clamps and truncates to uint8.
enc = WatermarkEncoder()
enc.set_watermark('bits', SDXL)
f = enc.encode(sources['bridge'].astype(np.float32), 'dwtDct')
save('bridge-sdxl-float.png', (np.clip(f / 255.0, 0.0, 1.0) * 255.0).astype(np.uint8), 'sdxl', 48)

with open(out + '/expected.csv', 'w') as fh:
    fh.write('\n'.join(rows) + '\n')
print('\n'.join(rows))
PY
