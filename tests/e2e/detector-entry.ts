// The product's own detectPage, bundled for a page under test (tests/e2e/real-captures.spec.ts).
import { detectPage } from '../../src/platforms/index';

(globalThis as unknown as { carbonDetector: object }).carbonDetector = { detectPage };
