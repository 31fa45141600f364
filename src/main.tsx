import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startEngine } from './state/engineClient';
import { readLocation, syncLocation } from './state/share';
import { App } from './ui/App';
import './ui/app.css';

startEngine(readLocation());
syncLocation();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
