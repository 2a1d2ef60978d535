import { useEffect, useState } from 'react';

/** A fetch bound to its inputs: the newest answer wins (typing fast never shows an older search's results). */
export function useHelpQuery<T>(load: () => Promise<T>, deps: readonly unknown[]): { data?: T; error?: Error; loading: boolean; retry: () => void } {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => current && setState({ data, loading: false }),
      (error: Error) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);
  return { ...state, retry: () => setAttempt((n) => n + 1) };
}
