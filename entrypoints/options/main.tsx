import '../../assets/styles/ui.css';
import { startOptions } from '../../utils/options-main';

void startOptions(document.getElementById('app')!);
