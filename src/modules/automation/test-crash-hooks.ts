import type { FiringHooks } from './fire-rule.js';

/**
 * For crash tests: firing hooks that make the worker "die" once after action `k` (the hook throws
 * there, as a killed process would stop, and the job or poll fails). `arm(k)` sets the next crash;
 * `crashes` counts those that happened.
 */
export function crashAfterAction(): { hooks: FiringHooks; arm: (k: number) => void; readonly crashes: number } {
  let armed: number | null = null;
  let crashes = 0;
  return {
    hooks: {
      afterAction: ({ index }) => {
        if (index !== armed) return;
        armed = null;
        crashes++;
        throw new Error('the worker process died here');
      },
    },
    arm: (k) => {
      armed = k;
    },
    get crashes() {
      return crashes;
    },
  };
}
