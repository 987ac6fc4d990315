import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// Entry of the console; the screens are being built (see console/README.md).
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <h1>Bàn làm việc của cán bộ Một cửa</h1>
  </StrictMode>,
);
