import { signal } from "@preact/signals";
import { t, word } from "./i18n";
import type { SituationView } from "./types";

// How a new critical or major situation gets a person's attention: the page title flashes while
// such situations wait for acknowledgement, screen readers hear it (aria-live), and a tone sounds
// when the operator turned sound on. Nothing else on the screen moves.

const soundKey = "ops.sound";
export const soundOn = signal(localStorage.getItem(soundKey) === "1");
soundOn.subscribe((on) => localStorage.setItem(soundKey, on ? "1" : "0"));

/** The latest announcement, read out by the page's assertive live region. */
export const announcement = signal("");

let audio: AudioContext | null = null;

export function toggleSound(): void {
  soundOn.value = !soundOn.value;
  // Browsers let a page play sound only after a user gesture: this click is one.
  if (soundOn.value) {
    audio ??= new AudioContext();
    void audio.resume();
    tone(660, 0, 0.12);
  }
}

function tone(frequency: number, start: number, length: number): void {
  if (!audio) return;
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(0.0001, audio.currentTime + start);
  gain.gain.exponentialRampToValueAtTime(0.3, audio.currentTime + start + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + start + length);
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start(audio.currentTime + start);
  oscillator.stop(audio.currentTime + start + length + 0.05);
}

export function isAlarm(situation: SituationView): boolean {
  return situation.severity === "critical" || situation.severity === "major";
}

/** A new situation arrived: announce it, and sound the alarm for critical and major ones. */
export function announce(situation: SituationView): void {
  announcement.value = t("alarm.announce", { severity: word(situation.severity), title: situation.title });
  if (!isAlarm(situation) || !soundOn.value || !audio) return;
  if (situation.severity === "critical") {
    tone(880, 0, 0.18);
    tone(660, 0.25, 0.18);
    tone(880, 0.5, 0.18);
  } else {
    tone(660, 0, 0.2);
  }
}

let flashTimer: number | undefined;
let baseTitle = document.title;

/** Flashes the title with the count of unacknowledged alarms while there are any. */
export function flashTitle(count: number, title: string): void {
  baseTitle = title;
  clearInterval(flashTimer);
  if (count === 0) {
    document.title = baseTitle;
    return;
  }
  let on = false;
  const text = `⚠ ${t("alarm.titleFlash", { n: count })}`;
  const step = () => {
    on = !on;
    document.title = on ? text : baseTitle;
  };
  step();
  flashTimer = window.setInterval(step, 1000);
}
