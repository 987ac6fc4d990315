import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// Entry of the miniapp; the screens are being built (see miniapp/README.md).
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <h1>Trợ lý Một cửa</h1>
  </StrictMode>,
);
