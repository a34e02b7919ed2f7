import { createRoot } from 'react-dom/client';
import { ReportListingButton } from '../../components/report/ReportListingButton.tsx';

function Popup() {
  return (
    <main>
      Listing Inspector
      <ReportListingButton />
    </main>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Popup />);
