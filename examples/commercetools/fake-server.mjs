/**
 * A local stand-in for the commercetools HTTP API, for tests and the demo: the endpoints the
 * migration uses, with the request/response shapes and error codes of the documented API
 * (ErrorResponse { statusCode, message, errors: [{ code, message, ... }] }).
 *
 *   POST /oauth/token                                 client credentials (Basic auth)
 *   POST /{projectKey}/types, GET /{projectKey}/types/key={key}
 *   POST /{projectKey}/customers                      CustomerDraft -> 201 CustomerSignInResult
 *   GET  /{projectKey}/customers?where=email="..."    (also key="...", id="..."); limit, offset
 *   GET  /{projectKey}/customers/{id}, /customers/key={key}
 *   POST /{projectKey}/customers/{id}, /customers/key={key}   CustomerUpdate (setCustomField,
 *        setCustomType, setFirstName, setLastName): 409 ConcurrentModification on a version mismatch
 *   POST /{projectKey}/login                          400 InvalidCredentials
 *   POST /{projectKey}/customers/password-token       CustomerToken; 404 for an unknown e-mail
 *   GET  /{projectKey}/customers/password-token={t}   404 unknown, 400 ExpiredCustomerPasswordToken
 *   POST /{projectKey}/customers/password/reset       {tokenValue, newPassword, version?}; bumps the
 *        version, invalidates every password token of the customer
 *   POST /{projectKey}/customers/password             {id, version, currentPassword, newPassword}
 *
 * Passwords are stored as scrypt hashes (a fake: not commercetools' algorithm). E-mails are unique
 * and compared case-insensitively for sign-in, token creation and duplicates; query predicates
 * compare exactly. Every request needs the Bearer token from /oauth/token.
 *
 * Test hooks: `server.stats` (request counts per operation), `server.customers` (Map id->record),
 * `server.failNext(op, status, code)` (inject one failure), option `latencyMs` (delay each API
 * request, to widen race windows).
 */
import { createServer } from 'node:http';
import { randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';

const SCRYPT = { N: 1024, r: 8, p: 1 };

function hashPassword(pw) {
  const salt = randomBytes(16);
  const h = scryptSync(pw, salt, 32, SCRYPT);
  return `$fake-scrypt$${salt.toString('base64')}$${h.toString('base64')}`;
}
function checkPassword(pw, stored) {
  const [, , salt, h] = stored.split('$');
  const want = Buffer.from(h, 'base64');
  return timingSafeEqual(scryptSync(pw, Buffer.from(salt, 'base64'), 32, SCRYPT), want);
}

function error(statusCode, code, message, extra = {}) {
  return { status: statusCode, body: { statusCode, message, errors: [{ code, message, ...extra }] } };
}
const notFound = (what = 'The Resource was not found.') => error(404, 'ResourceNotFound', what);

/** Parses the subset of query predicates used: field = "string" joined by `and`. */
function parsePredicate(where) {
  const clauses = [];
  const re = /\s*(email|key|id)\s*=\s*"((?:[^"\\]|\\.)*)"\s*(and\s+|$)/iy;
  let m;
  re.lastIndex = 0;
  while (re.lastIndex < where.length && (m = re.exec(where))) {
    clauses.push([m[1].toLowerCase(), m[2].replace(/\\(.)/g, '$1')]);
    if (!m[3]) break;
  }
  if (clauses.length === 0 || re.lastIndex !== where.length) return undefined;
  return clauses;
}

export async function startFakeCommercetools(options = {}) {
  const projectKey = options.projectKey ?? 'demo-project';
  const clientId = options.clientId ?? 'demo-client';
  const clientSecret = options.clientSecret ?? 'demo-secret';
  const latencyMs = options.latencyMs ?? 0;
  const tokens = new Set();
  const customers = new Map(); // id -> { customer (API shape, no password), passwordHash }
  const types = new Map(); // key -> Type
  const resetTokens = new Map(); // value -> { customerId, expiresAt }
  const stats = {};
  const failures = [];
  const now = () => new Date().toISOString();

  const view = (rec) => ({ ...rec.customer, password: rec.passwordHash });
  const byEmail = (email) => [...customers.values()].find((r) => r.customer.email.toLowerCase() === String(email).toLowerCase());
  const byKey = (key) => [...customers.values()].find((r) => r.customer.key === key);
  const bump = (rec) => {
    rec.customer.version++;
    rec.customer.lastModifiedAt = rec.customer.versionModifiedAt = now();
  };
  const versionConflict = (rec, expected) =>
    error(409, 'ConcurrentModification', `Object ${rec.customer.id} has a different version than expected. Expected: ${expected} - Actual: ${rec.customer.version}.`, {
      currentVersion: rec.customer.version,
    });

  function customFrom(draftCustom) {
    if (!draftCustom) return { ok: true };
    const type = draftCustom.type?.key !== undefined ? types.get(draftCustom.type.key) : [...types.values()].find((t) => t.id === draftCustom.type?.id);
    if (!type) return { ok: false, res: error(400, 'ReferencedResourceNotFound', `The referenced object of type 'type' was not found. It either doesn't exist, or it can't be accessed from this endpoint.`) };
    const fields = {};
    for (const [name, value] of Object.entries(draftCustom.fields ?? {})) {
      const check = checkField(type, name, value);
      if (check) return { ok: false, res: check };
      if (value !== undefined && value !== null) fields[name] = value;
    }
    return { ok: true, custom: { type: { typeId: 'type', id: type.id }, fields } };
  }
  function checkField(type, name, value) {
    const def = type.fieldDefinitions.find((d) => d.name === name);
    if (!def) return error(400, 'InvalidInput', `The field '${name}' is not defined in the type '${type.key}'.`);
    if (value === undefined || value === null) return undefined;
    const t = def.type.name;
    if ((t === 'String' && typeof value !== 'string') || (t === 'Boolean' && typeof value !== 'boolean')) {
      return error(400, 'InvalidField', `The value '${JSON.stringify(value)}' is not valid for field '${name}'.`, { field: name, invalidValue: value });
    }
    return undefined;
  }

  function applyActions(rec, actions) {
    const c = structuredClone(rec.customer);
    for (const a of actions ?? []) {
      switch (a.action) {
        case 'setCustomField': {
          if (!c.custom) return error(400, 'InvalidOperation', 'This resource has no custom type set - please use setCustomType first to set the type and then set the custom fields.');
          const type = [...types.values()].find((t) => t.id === c.custom.type.id);
          const bad = checkField(type, a.name, a.value);
          if (bad) return bad;
          if (a.value === undefined || a.value === null) delete c.custom.fields[a.name];
          else c.custom.fields[a.name] = a.value;
          break;
        }
        case 'setCustomType': {
          if (!a.type) {
            delete c.custom;
            break;
          }
          const r = customFrom({ type: a.type, fields: a.fields });
          if (!r.ok) return r.res;
          c.custom = r.custom;
          break;
        }
        case 'setFirstName':
          c.firstName = a.firstName;
          break;
        case 'setLastName':
          c.lastName = a.lastName;
          break;
        default:
          return error(400, 'InvalidInput', `Unknown update action '${a.action}'.`);
      }
    }
    rec.customer = c;
    bump(rec);
    return undefined;
  }

  async function route(method, path, query, body) {
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] !== projectKey) return notFound(`The project '${parts[0]}' does not exist.`);
    const [, resource, sub] = parts;
    const op = `${method} ${resource}${sub ? '/' + (sub.includes('=') ? sub.split('=')[0] + '=' : /^[0-9a-f-]{36}$/.test(sub) ? '{id}' : sub) : ''}${parts[3] ? '/' + parts[3] : ''}`;
    stats[op] = (stats[op] ?? 0) + 1;
    const fi = failures.findIndex((f) => f.op === op);
    if (fi >= 0) {
      const [f] = failures.splice(fi, 1);
      return error(f.status, f.code, f.message ?? `Injected failure (${f.code}).`);
    }

    if (resource === 'login' && method === 'POST' && !sub) {
      const rec = byEmail(body.email);
      if (!rec || !rec.passwordHash || typeof body.password !== 'string' || !checkPassword(body.password, rec.passwordHash)) {
        return error(400, 'InvalidCredentials', 'Account with the given credentials not found.');
      }
      return { status: 200, body: { customer: view(rec) } };
    }

    if (resource === 'types') {
      if (method === 'POST' && !sub) {
        if (types.has(body.key)) return error(400, 'DuplicateField', `A duplicate value '"${body.key}"' exists for field 'key'.`, { field: 'key', duplicateValue: body.key });
        const t = { id: randomUUID(), version: 1, createdAt: now(), lastModifiedAt: now(), ...body, fieldDefinitions: body.fieldDefinitions ?? [] };
        types.set(body.key, t);
        return { status: 201, body: t };
      }
      if (method === 'GET' && sub?.startsWith('key=')) {
        const t = types.get(sub.slice(4));
        return t ? { status: 200, body: t } : notFound(`The Resource with key '${sub.slice(4)}' was not found.`);
      }
      return notFound();
    }

    if (resource !== 'customers') return notFound();

    if (!sub) {
      if (method === 'POST') {
        if (typeof body.email !== 'string' || body.email === '') return error(400, 'RequiredField', "A value is required for field 'email'.", { field: 'email' });
        if (byEmail(body.email)) {
          return error(400, 'DuplicateField', 'There is already an existing customer with the provided email.', { field: 'email', duplicateValue: body.email });
        }
        if (body.key !== undefined && byKey(body.key)) return error(400, 'DuplicateField', `A duplicate value '"${body.key}"' exists for field 'key'.`, { field: 'key', duplicateValue: body.key });
        const mode = body.authenticationMode ?? 'Password';
        if (mode === 'Password' && (typeof body.password !== 'string' || body.password === '')) {
          return error(400, 'InvalidOperation', 'Password is required for the Password authentication mode.');
        }
        const custom = customFrom(body.custom);
        if (!custom.ok) return custom.res;
        const { password, custom: _c, ...rest } = body;
        const t = now();
        const customer = {
          id: randomUUID(),
          version: 1,
          versionModifiedAt: t,
          createdAt: t,
          lastModifiedAt: t,
          ...rest,
          addresses: [],
          shippingAddressIds: [],
          billingAddressIds: [],
          isEmailVerified: body.isEmailVerified ?? false,
          stores: [],
          authenticationMode: mode,
          ...(custom.custom ? { custom: custom.custom } : {}),
        };
        const rec = { customer, passwordHash: mode === 'Password' ? hashPassword(password) : undefined };
        customers.set(customer.id, rec);
        return { status: 201, body: { customer: view(rec) } };
      }
      if (method === 'GET') {
        let list = [...customers.values()];
        if (query.get('where')) {
          const clauses = parsePredicate(query.get('where'));
          if (!clauses) return error(400, 'InvalidInput', `Malformed parameter: where: Syntax error while parsing 'where'.`);
          list = list.filter((r) => clauses.every(([f, v]) => r.customer[f] === v));
        }
        const limit = Math.min(Number(query.get('limit') ?? 20), 500);
        const offset = Number(query.get('offset') ?? 0);
        const results = list.slice(offset, offset + limit).map(view);
        return { status: 200, body: { limit, offset, count: results.length, total: list.length, results } };
      }
      return notFound();
    }

    if (sub === 'password-token' && method === 'POST') {
      const rec = byEmail(body.email);
      if (!rec) return notFound(`The Customer with the email '${body.email}' was not found.`);
      const ttl = body.ttlMinutes ?? 34;
      const value = randomBytes(30).toString('base64url');
      const t = new Date();
      const expiresAt = new Date(t.getTime() + ttl * 60_000);
      resetTokens.set(value, { customerId: rec.customer.id, expiresAt });
      return {
        status: 200,
        body: { id: randomUUID(), customerId: rec.customer.id, value, expiresAt: expiresAt.toISOString(), createdAt: t.toISOString(), lastModifiedAt: t.toISOString() },
      };
    }
    if (sub?.startsWith('password-token=') && method === 'GET') {
      const tok = resetTokens.get(sub.slice('password-token='.length));
      if (!tok) return notFound('The Resource with the given token was not found.');
      if (tok.expiresAt < new Date()) return error(400, 'ExpiredCustomerPasswordToken', 'The given password token has expired.');
      return { status: 200, body: view(customers.get(tok.customerId)) };
    }
    if (sub === 'password' && parts[3] === 'reset' && method === 'POST') {
      const tok = resetTokens.get(body.tokenValue);
      if (!tok) return notFound('The Resource with the given token was not found.');
      if (tok.expiresAt < new Date()) return error(400, 'ExpiredCustomerPasswordToken', 'The given password token has expired.');
      const rec = customers.get(tok.customerId);
      if (body.version !== undefined && body.version !== rec.customer.version) return versionConflict(rec, body.version);
      rec.passwordHash = hashPassword(body.newPassword);
      for (const [v, t] of resetTokens) if (t.customerId === rec.customer.id) resetTokens.delete(v);
      bump(rec);
      return { status: 200, body: view(rec) };
    }
    if (sub === 'password' && !parts[3] && method === 'POST') {
      const rec = customers.get(body.id);
      if (!rec) return notFound(`The Resource with ID '${body.id}' was not found.`);
      if (body.version !== rec.customer.version) return versionConflict(rec, body.version);
      if (!rec.passwordHash || !checkPassword(body.currentPassword, rec.passwordHash)) {
        return error(400, 'InvalidCurrentPassword', 'The given current password does not match.');
      }
      rec.passwordHash = hashPassword(body.newPassword);
      bump(rec);
      return { status: 200, body: view(rec) };
    }

    const rec = sub.startsWith('key=') ? byKey(sub.slice(4)) : customers.get(sub);
    if (!rec) return notFound(sub.startsWith('key=') ? `The Resource with key '${sub.slice(4)}' was not found.` : `The Resource with ID '${sub}' was not found.`);
    if (method === 'GET' && !parts[3]) return { status: 200, body: view(rec) };
    if (method === 'POST' && !parts[3]) {
      if (typeof body.version !== 'number') return error(400, 'InvalidJsonInput', "Request body does not contain valid JSON. Missing required field 'version'.");
      if (body.version !== rec.customer.version) return versionConflict(rec, body.version);
      const bad = applyActions(rec, body.actions);
      if (bad) return bad;
      return { status: 200, body: view(rec) };
    }
    return notFound();
  }

  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const send = (status, body) => {
        const text = JSON.stringify(body);
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
        res.end(text);
      };
      try {
        const url = new URL(req.url, 'http://localhost');
        const raw = Buffer.concat(chunks).toString('utf8');
        if (url.pathname === '/oauth/token' && req.method === 'POST') {
          const auth = req.headers.authorization ?? '';
          const [id, secret] = Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString().split(':');
          const form = new URLSearchParams(raw);
          if (id !== clientId || secret !== clientSecret || form.get('grant_type') !== 'client_credentials') {
            return send(401, { statusCode: 401, message: 'Please provide valid client credentials using HTTP Basic Authentication.', errors: [{ code: 'invalid_client', message: 'Please provide valid client credentials using HTTP Basic Authentication.' }], error: 'invalid_client', error_description: 'Please provide valid client credentials using HTTP Basic Authentication.' });
          }
          const token = randomBytes(24).toString('base64url');
          tokens.add(token);
          return send(200, { access_token: token, token_type: 'Bearer', expires_in: 172800, scope: form.get('scope') ?? `manage_project:${projectKey}` });
        }
        const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '');
        if (!tokens.has(bearer)) {
          return send(401, { statusCode: 401, message: 'invalid_token', errors: [{ code: 'invalid_token', message: 'invalid_token' }], error: 'invalid_token' });
        }
        let body = {};
        if (raw) {
          try {
            body = JSON.parse(raw);
          } catch {
            const r = error(400, 'InvalidJsonInput', 'Request body does not contain valid JSON.');
            return send(r.status, r.body);
          }
        }
        if (latencyMs) await new Promise((r) => setTimeout(r, latencyMs));
        const r = await route(req.method, url.pathname, url.searchParams, body);
        send(r.status, r.body);
      } catch (e) {
        send(500, { statusCode: 500, message: 'Internal fake server error.', errors: [{ code: 'General', message: String(e?.message ?? e) }] });
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    authUrl: url,
    apiUrl: url,
    projectKey,
    clientId,
    clientSecret,
    stats,
    customers,
    types,
    /** Makes the next request of `op` (e.g. 'POST customers/{id}') fail with this status and error code. */
    failNext(op, status, code, message) {
      failures.push({ op, status, code, message });
    },
    /** The stored password check, for assertions. */
    passwordMatches(email, password) {
      const rec = byEmail(email);
      return !!rec?.passwordHash && checkPassword(password, rec.passwordHash);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
