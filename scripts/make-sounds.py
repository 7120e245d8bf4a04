#!/usr/bin/env python3
"""Synthesises the game's sound cues into assets/sounds/ (16-bit mono WAV, 44.1 kHz).

Made for this project: simple tones with soft attack and decay, so they are short, clean
and free of any licence. Run again after changing a cue: python3 scripts/make-sounds.py
"""
import math
import struct
import wave
from pathlib import Path

RATE = 44100
OUT = Path(__file__).resolve().parent.parent / "assets" / "sounds"


def tone(freq, seconds, volume=0.5, shape="sine", attack=0.005, release=0.08):
    samples = []
    n = int(RATE * seconds)
    for i in range(n):
        t = i / RATE
        phase = 2 * math.pi * freq * t
        if shape == "sine":
            v = math.sin(phase)
        elif shape == "soft-square":
            v = math.tanh(3 * math.sin(phase)) * 0.7
        else:
            v = 2 * abs(2 * (freq * t - math.floor(freq * t + 0.5))) - 1
        env = min(1.0, t / attack) if attack else 1.0
        tail = seconds - t
        if tail < release:
            env *= max(0.0, tail / release)
        samples.append(v * env * volume)
    return samples


def silence(seconds):
    return [0.0] * int(RATE * seconds)


def mix(*tracks):
    length = max(len(t) for t in tracks)
    return [sum(t[i] for t in tracks if i < len(t)) for i in range(length)]


def write(name, samples):
    OUT.mkdir(parents=True, exist_ok=True)
    peak = max(1e-9, max(abs(s) for s in samples))
    scale = min(1.0, 0.9 / peak)
    with wave.open(str(OUT / name), "wb") as f:
        f.setnchannels(1)
        f.setsampwidth(2)
        f.setframerate(RATE)
        f.writeframes(b"".join(struct.pack("<h", int(s * scale * 32767)) for s in samples))


def main():
    # select: a short soft click-blip
    write("select.wav", tone(880, 0.06, 0.4, release=0.04))
    # correct: a rising major third, bright
    write("correct.wav", tone(659.25, 0.11, 0.5) + tone(830.61, 0.11, 0.5) + tone(987.77, 0.22, 0.5, release=0.15))
    # wrong: two low falling notes, soft square
    write("wrong.wav", tone(220, 0.16, 0.45, "soft-square") + tone(164.81, 0.3, 0.45, "soft-square", release=0.2))
    # tick: the timer's last five seconds, a woodblock-like tick
    write("tick.wav", tone(1400, 0.035, 0.5, "triangle", attack=0.001, release=0.03))
    # fanfare: the final results, an arpeggio and a chord
    notes = [523.25, 659.25, 783.99, 1046.5]
    arpeggio = []
    for f in notes:
        arpeggio += tone(f, 0.12, 0.4, "triangle")
    chord = mix(*(tone(f, 0.8, 0.25, "triangle", release=0.5) for f in notes))
    write("fanfare.wav", arpeggio + chord)


if __name__ == "__main__":
    main()
