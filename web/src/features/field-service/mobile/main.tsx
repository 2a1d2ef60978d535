import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FieldEngineerApp } from './FieldEngineerApp.tsx';
import './mobile.css';

/**
 * The field engineer's app (m.html, served at /m): React and our code only — no antd, no console
 * bundle — so it opens fast on a phone; the service worker (public/m/sw.js) keeps it for offline.
 */
createRoot(document.getElementById('m-root')!).render(
  <StrictMode>
    <FieldEngineerApp />
  </StrictMode>,
);

if ('serviceWorker' in navigator) void navigator.serviceWorker.register('/m/sw.js', { scope: '/m' });
