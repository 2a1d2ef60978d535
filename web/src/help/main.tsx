import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HelpApp } from './HelpApp.tsx';
import './help.css';

/** The public help centre's own entry (help.html): React and our code only, no antd, no console bundle. */
createRoot(document.getElementById('help-root')!).render(
  <StrictMode>
    <HelpApp />
  </StrictMode>,
);
