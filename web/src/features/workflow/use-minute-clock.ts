import { useEffect, useState } from 'react';

/** The time now, renewed every minute: waiting times in a list move on without a refetch. */
export function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
