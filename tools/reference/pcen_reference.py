"""Reference PCEN values for PcenReferenceTests, computed the way librosa.pcen (0.10) does.

librosa itself is not installable on the development machine (no Debian package; PyPI unreachable), so this script
restates librosa.pcen's documented computation with scipy (max_size=1, so ref = S):
  b       = (sqrt(1 + 4 t^2) - 1) / (2 t^2),  t = time_constant * sr / hop_length
  S_smooth = scipy.signal.lfilter([b], [1, b - 1], S, zi=zi, axis=-1),  zi = lfilter_zi([b], [1, b - 1]) (times S[:, :1]
             for the "first frame" start)
  smooth  = exp(-gain * (log(eps) + log1p(S_smooth / eps)))
  out     = bias**power * expm1(power * log1p(S * smooth / bias))
With librosa installed, `librosa.pcen(S, sr=16000, hop_length=160)` (and `zi=...` for the second case) gives the
same numbers; the script checks that when it can import librosa.

Usage: /usr/bin/python3 tools/reference/pcen_reference.py tests/MMFuse.Tests/Fixtures/audio/pcen-reference.json
"""
import json
import sys

import numpy as np
import scipy.signal

SR, HOP = 16000, 160
GAIN, BIAS, POWER, TIME_CONSTANT, EPS = 0.98, 2.0, 0.5, 0.4, 1e-6


def energies():
    """3 bands x 60 frames: a constant floor with a burst, a slow ramp, and a tone over changing noise (all > 0)."""
    t = np.arange(60)
    floor = np.full(60, 0.05)
    floor[20:30] = 40.0
    ramp = 1e-3 * (1.0 + t) ** 2
    tone = 5.0 + 4.0 * np.sin(t / 3.0) + np.where(t > 40, 100.0, 0.0)
    return np.stack([floor, ramp, tone]).astype(np.float64)


def pcen(S, first_frame):
    t_frames = TIME_CONSTANT * SR / float(HOP)
    b = (np.sqrt(1 + 4 * t_frames**2) - 1) / (2 * t_frames**2)
    zi = np.empty((1, 1))
    zi[:] = scipy.signal.lfilter_zi([b], [1, b - 1])[:]
    if first_frame:
        zi = zi * S[:, :1]
    smoothed, _ = scipy.signal.lfilter([b], [1, b - 1], S, zi=zi, axis=-1)
    smooth = np.exp(-GAIN * (np.log(EPS) + np.log1p(smoothed / EPS)))
    return BIAS**POWER * np.expm1(POWER * np.log1p(S * smooth / BIAS))


def main(path):
    S = energies()
    result = {"energy": S.T.tolist(), "librosa_default": pcen(S, False).T.tolist(), "first_frame": pcen(S, True).T.tolist()}
    try:
        import librosa  # noqa: only when it is there
        assert np.allclose(librosa.pcen(S, sr=SR, hop_length=HOP), pcen(S, False))
        print("matches librosa", librosa.__version__)
    except ImportError:
        print("librosa not installed; formulas as stated above")
    with open(path, "w") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
