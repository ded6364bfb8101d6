// The benchmark's in-page bundle: the product's own detectPage, exposed to the page under test.
import { detectPage } from '../src/platforms/index';

(globalThis as unknown as { carbonBench: object }).carbonBench = { detectPage };
