import { createRoot } from 'react-dom/client';
import { OptionsApp } from '../../components/settings/OptionsApp.tsx';
import { compileForTryIt } from '../../components/settings/engine.ts';
import '../../components/settings/options.css';

const root = document.getElementById('root');
if (root) createRoot(root).render(<OptionsApp compile={compileForTryIt} />);
