import { useEffect, useRef, useState } from 'react';

/**
 * Whether an element has come near the screen (and stays true after). A list of job cards loads
 * each card's customer details only once the card is about to be seen, so a page of 50 jobs costs
 * a handful of requests, not 50.
 */
export function useSeen<T extends Element>(): [React.RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (seen || !element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setSeen(true);
    }, { rootMargin: '300px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [seen]);
  return [ref, seen];
}
