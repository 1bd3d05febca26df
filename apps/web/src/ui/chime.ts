// The optional sound when the timer reaches zero: two soft sine tones made with Web Audio, so
// there is no sound file to load. Browsers only let a page play sound after a person's gesture,
// so the AudioContext is made when the person turns the sound on, and kept.

export function createAudio(): AudioContext | undefined {
  const Context = window.AudioContext;
  return Context ? new Context() : undefined;
}

/** Plays a short, quiet two-note chime. */
export function playChime(audio: AudioContext): void {
  void audio.resume();
  const start = audio.currentTime;
  for (const [i, frequency] of [660, 880].entries()) {
    const at = start + i * 0.28;
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.type = 'sine';
    tone.frequency.value = frequency;
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(0.12, at + 0.04);
    gain.gain.exponentialRampToValueAtTime(0.001, at + 0.7);
    tone.connect(gain).connect(audio.destination);
    tone.start(at);
    tone.stop(at + 0.75);
  }
}
