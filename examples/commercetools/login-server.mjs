// A tiny login endpoint using the commercetools migration handler.
//
//   POST /login  {"email": "...", "password": "..."}
//     200 {"customerId": "...", "migration": "none" | "migrated" | "migrated-concurrently"}
//     401 {"error": "invalid credentials"}
//
// Run against a real project:
//   CTP_PROJECT_KEY=... CTP_CLIENT_ID=... CTP_CLIENT_SECRET=... \
//   CTP_AUTH_URL=https://auth.europe-west1.gcp.commercetools.com \
//   CTP_API_URL=https://api.europe-west1.gcp.commercetools.com node examples/commercetools/login-server.mjs
// (or see demo.mjs, which runs it against a local fake API).
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { createApiRoot, createCommercetoolsLogin } from 'legacy-hash/commercetools';

export function createLoginServer({ apiRoot, onEvent }) {
  const handler = createCommercetoolsLogin({ apiRoot, onEvent });
  return createServer((req, res) => {
    const reply = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== '/login') return reply(404, { error: 'not found' });
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c) => {
      raw += c;
      if (raw.length > 10_000) req.destroy();
    });
    req.on('end', async () => {
      let email;
      let password;
      try {
        ({ email, password } = JSON.parse(raw));
      } catch {
        return reply(400, { error: 'bad request' });
      }
      if (typeof email !== 'string' || typeof password !== 'string') return reply(400, { error: 'bad request' });
      try {
        const r = await handler.login(email, password);
        if (r.ok) return reply(200, { customerId: r.value.customer.id, migration: r.migration });
        return reply(401, { error: 'invalid credentials' });
      } catch (e) {
        // Never log the request body; the handler's errors carry no request data.
        console.error('login failed:', e?.name, e?.statusCode, e?.code);
        return reply(503, { error: 'try again later' });
      }
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const env = process.env;
  const apiRoot = await createApiRoot({
    projectKey: env.CTP_PROJECT_KEY,
    clientId: env.CTP_CLIENT_ID,
    clientSecret: env.CTP_CLIENT_SECRET,
    authUrl: env.CTP_AUTH_URL,
    apiUrl: env.CTP_API_URL,
  });
  const server = createLoginServer({ apiRoot, onEvent: (e) => console.log('migration event', JSON.stringify(e)) });
  const port = Number(env.PORT ?? 3000);
  server.listen(port, '127.0.0.1', () => console.log(`login endpoint on http://127.0.0.1:${port}/login`));
}
