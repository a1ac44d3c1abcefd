import '../../assets/styles/ui.css';
import { startSidePanel } from '../../utils/sidepanel-main';

void startSidePanel(document.getElementById('app')!);
