/** What one action of a firing did: its type, whether it worked, and what it changed or why it failed (a catalogue key or the error's code). */
export type ActionOutcome = { type: string; ok: boolean; detail?: Record<string, unknown>; error?: string };
