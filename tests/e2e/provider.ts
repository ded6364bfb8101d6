import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FeedMode = 'good' | 'http-error' | 'garbage' | 'invalid';
export type IssueMode = 'ok' | 'fail' | 'timeout' | 'garbage';

/**
 * A small rewards provider on 127.0.0.1 for the tests: GET /catalog.json serves a catalog whose
 * one reward takes codes from POST /issue on the same origin. Both can be told to fail, hang or
 * answer garbage. Codes are idempotent per requestId, as docs/rewards.md asks of a provider.
 */
export async function startProvider() {
  const state = { feed: 'good' as FeedMode, issue: 'ok' as IssueMode, requests: [] as string[], issued: new Map<string, string>() };
  const hanging: ServerResponse[] = [];
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    // The popup and Options are chrome-extension:// pages: a provider on another origin answers CORS.
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'content-type, accept');
    res.setHeader('access-control-allow-methods', 'GET, POST');
    if (req.method === 'OPTIONS') return res.writeHead(204).end();
    state.requests.push(`${req.method} ${req.url}`);
    const body = await new Promise<string>((resolve) => {
      let text = '';
      req.on('data', (chunk) => (text += chunk));
      req.on('end', () => resolve(text));
    });
    if (req.method === 'GET' && req.url === '/catalog.json') {
      if (state.feed === 'http-error') return res.writeHead(503).end('down for maintenance');
      if (state.feed === 'garbage') return res.writeHead(200, { 'content-type': 'text/html' }).end('<html>not a catalog</html>');
      if (state.feed === 'invalid') return json(res, { ...catalog(origin()), version: 7 });
      return json(res, catalog(origin()));
    }
    if (req.method === 'POST' && req.url === '/issue') {
      if (state.issue === 'timeout') return void hanging.push(res);
      if (state.issue === 'fail') return res.writeHead(500).end('out of codes');
      if (state.issue === 'garbage') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"code": 12345, "note": "<b>oops</b>"}');
      const { requestId } = JSON.parse(body) as { requestId: string };
      const code = state.issued.get(requestId) ?? `PROV-${String(state.issued.size + 1).padStart(4, '0')}`;
      state.issued.set(requestId, code);
      return json(res, { code });
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    state,
    origin: origin(),
    feedUrl: `${origin()}/catalog.json`,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function json(res: ServerResponse, value: unknown) {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}

const text = (en: string, zh_CN: string, ja: string) => ({ en, zh_CN, ja });

/** The provider's catalog: one Uber Eats reward whose codes come from its own endpoint. */
export function catalog(origin: string) {
  return {
    format: 'carbon-account-rewards',
    version: 1,
    programme: { name: text('Local test provider', '本地测试提供方', 'ローカルテスト提供元') },
    rewards: [
      {
        id: 'local-ubereats-2-off',
        platform: 'ubereats',
        title: text('$2 off Uber Eats (local provider)', 'Uber Eats 立减 2 美元（本地提供方）', 'Uber Eats 2 ドル引き（ローカル提供元）'),
        terms: text('Issued by the local test provider.', '由本地测试提供方发放。', 'ローカルテスト提供元が発行。'),
        cost: 10,
        discount: { type: 'amount', amount: 2, currency: 'USD' },
        voucherDays: 14,
        codes: { type: 'endpoint', url: `${origin}/issue` },
      },
    ],
  };
}
