import { createRoot } from 'react-dom/client';

function Popup() {
  return <main>Listing Inspector</main>;
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Popup />);
