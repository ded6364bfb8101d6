import { render } from 'preact';
import { ledger } from '../../src/ledger/db';
import { Popup } from '../../src/ui/Popup';
import { applyLanguageSetting } from '../../src/ui/language';

// The language chosen in Options (if any) applies before the first render.
void applyLanguageSetting(ledger()).then(() => render(<Popup />, document.getElementById('app')!));
