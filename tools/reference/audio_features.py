#!/usr/bin/python3
"""Independent reference for MMFuse's "logmel-stats" and "logmel-grid" audio features (docs/audio-features.md).

Written from the documented definition with numpy/scipy only, sharing no code with the C# (NWaves)
implementation, so that the C# test comparing against its output checks the definition, not a copy of it.

Usage (Debian: apt-get install python3-numpy python3-scipy):
    /usr/bin/python3 tools/reference/audio_features.py IN.wav OUT.json
The input must already be 16 kHz (resampling is tested separately); it is read with scipy.io.wavfile.
"""
import json
import sys

import numpy as np
import scipy.fft
import scipy.io.wavfile
import scipy.signal

SAMPLE_RATE = 16000
FRAME = 400  # 25 ms
HOP = 160  # 10 ms
N_FFT = 512
N_MELS = 64
N_MFCC = 20
DELTA_N = 2
LOG_FLOOR = 1e-10
SEGMENTS = 8  # logmel-grid


def hz_to_mel(f):
    return 1127.0 * np.log1p(f / 700.0)  # HTK mel scale


def mel_to_hz(m):
    return 700.0 * np.expm1(m / 1127.0)


def mel_filterbank():
    """Unit-peak triangles; edges equally spaced in HTK mel from 0 Hz to Nyquist; weights at bin centres."""
    edges = mel_to_hz(np.linspace(hz_to_mel(0.0), hz_to_mel(SAMPLE_RATE / 2), N_MELS + 2))
    bins = np.arange(N_FFT // 2 + 1) * SAMPLE_RATE / N_FFT
    bank = np.zeros((N_MELS, bins.size))
    for k in range(N_MELS):
        left, centre, right = edges[k:k + 3]
        rising = (bins - left) / (centre - left)
        falling = (right - bins) / (right - centre)
        bank[k] = np.clip(np.minimum(rising, falling), 0.0, None)
    return bank


def log_mel(x):
    if x.size < FRAME:
        x = np.pad(x, (0, FRAME - x.size))  # documented choice: short clips are zero-padded to one frame
    n_frames = 1 + (x.size - FRAME) // HOP  # no centring, no partial frames
    window = scipy.signal.get_window("hann", FRAME, fftbins=False)  # symmetric Hann: 0.5 - 0.5 cos(2 pi n / (N-1))
    frames = np.stack([x[t * HOP:t * HOP + FRAME] for t in range(n_frames)]) * window
    power = np.abs(np.fft.rfft(frames, n=N_FFT, axis=1)) ** 2  # |X|^2, no 1/N scaling
    return np.log(np.maximum(power @ mel_filterbank().T, LOG_FLOOR))


def deltas(c):
    """Regression deltas over +-DELTA_N frames, edge frames repeated."""
    padded = np.concatenate([np.repeat(c[:1], DELTA_N, 0), c, np.repeat(c[-1:], DELTA_N, 0)])
    t = c.shape[0]
    num = sum(n * (padded[DELTA_N + n:DELTA_N + n + t] - padded[DELTA_N - n:DELTA_N - n + t]) for n in range(1, DELTA_N + 1))
    return num / (2 * sum(n * n for n in range(1, DELTA_N + 1)))


def features(x):
    lm = log_mel(x)
    mfcc = scipy.fft.dct(lm, type=2, norm="ortho", axis=1)[:, :N_MFCC]
    track = np.concatenate([lm, mfcc, deltas(mfcc)], axis=1)  # 64 + 20 + 20 = 104 columns
    stats = [track.mean(0), track.std(0), track.min(0), track.max(0)]  # population std
    return lm, mfcc, np.concatenate(stats)


def segment_means(lm):
    """logmel-grid's time course: segment k spans frames floor(kT/K) .. ceil((k+1)T/K)-1, at least one frame."""
    t = lm.shape[0]
    means = []
    for k in range(SEGMENTS):
        start = (k * t) // SEGMENTS
        end = max(start + 1, -(-((k + 1) * t) // SEGMENTS))
        means.append(lm[start:end].mean(0))
    return np.concatenate(means)


def main(path_in, path_out):
    rate, data = scipy.io.wavfile.read(path_in)
    if rate != SAMPLE_RATE or data.dtype != np.int16 or data.ndim != 1:
        sys.exit(f"expected 16 kHz 16-bit mono, got {rate} Hz {data.dtype} shape {data.shape}")
    x = data.astype(np.float64) / 32768.0
    lm, mfcc, vector = features(x)
    out = {
        "source": path_in.split("/")[-1],
        "generator": "tools/reference/audio_features.py (numpy " + np.__version__ + ", scipy " + scipy.__version__ + ")",
        "samples": int(x.size),
        "frames": int(lm.shape[0]),
        "logmel": np.round(lm, 6).tolist(),
        "mfcc": np.round(mfcc, 6).tolist(),
        "vector": np.round(vector, 6).tolist(),
        "grid": np.round(np.concatenate([vector, segment_means(lm)]), 6).tolist(),
    }
    with open(path_out, "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
