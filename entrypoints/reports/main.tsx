import { createRoot } from 'react-dom/client';
import '../../components/report/report.css';
import { ReportsPage } from '../../components/report/ReportsPage.tsx';

const root = document.getElementById('root');
if (root) createRoot(root).render(<ReportsPage />);
