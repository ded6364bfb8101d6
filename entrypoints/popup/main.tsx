import { render } from 'preact';
import { Popup } from '../../src/ui/Popup';

document.documentElement.lang = navigator.language;
render(<Popup />, document.getElementById('app')!);
