/** Entry of the workbench page (see Workbench.tsx). */
import { createRoot } from 'react-dom/client';
import { Workbench } from './Workbench';

const container = document.getElementById('root');
if (container) createRoot(container).render(<Workbench />);
