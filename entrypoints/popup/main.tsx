import '../../assets/styles/ui.css';
import { startPopup } from '../../utils/popup-main';

void startPopup(document.getElementById('app')!);
