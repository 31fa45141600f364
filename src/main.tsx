import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startEngine } from './state/engineClient';
import { App } from './ui/App';
import './ui/app.css';

startEngine();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
