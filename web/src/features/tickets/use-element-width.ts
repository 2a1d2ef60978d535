import { useCallback, useLayoutEffect, useRef, useState } from 'react';

/**
 * The content width of an element, kept current with a ResizeObserver. Measured before the first
 * paint (layout effect), so the list does not flash a wrong layout.
 */
export function useElementWidth(): [(element: HTMLDivElement | null) => void, number] {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(0);
  const observer = useRef<ResizeObserver | null>(null);
  useLayoutEffect(() => {
    if (!element) return;
    setWidth(element.clientWidth);
    observer.current = new ResizeObserver(([entry]) => setWidth(Math.round(entry!.contentRect.width)));
    observer.current.observe(element);
    return () => observer.current?.disconnect();
  }, [element]);
  return [useCallback((next: HTMLDivElement | null) => setElement(next), []), width];
}
