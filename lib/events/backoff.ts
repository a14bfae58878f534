// When a failed delivery is tried again: exponential backoff (base · 2^(attempt−1), capped) with
// "equal jitter" (half fixed, half random), so instances that failed together do not retry in
// lockstep, and a retry never comes sooner than half the planned delay.
export type BackoffSettings = { baseMs: number; maxMs: number };

export function retryDelayMs(attempt: number, settings: BackoffSettings, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempt - 1);
  const planned = Math.min(settings.maxMs, settings.baseMs * 2 ** Math.min(exponent, 40));
  return Math.round(planned / 2 + random() * (planned / 2));
}
