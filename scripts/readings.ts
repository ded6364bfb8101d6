// `npm run readings`: per platform, how many real and modelled pages it is tested on, and how
// well it reads them (pages read right, recall and precision over the kinds they hold). Pages are
// read in happy-dom, with the same :enabled shim as the unit tests.
import '../tests/setup/happy-dom-enabled';
import { readings, readingsTable } from '../tests/helpers/readings';

console.log(readingsTable(readings()));
console.log(
  '\nreal: captures of the live sites (tests/fixtures/real), judged by their labels (must, may, orderRef); ' +
    'modelled: fixture pages written after what is known of each site (tests/fixtures/pages), judged by their exact reading. ' +
    'recall: kinds a correct reading must find that were found; precision: kinds read that were allowed.',
);
