// @ts-check
// The intake benchmark's baseline: a bare node:http server doing the essential work of
// POST /api/v1/leads and nothing else, run as its own process (its own event loop, like the API):
//   parse the JSON body → check the API key (sha256, against source rows cached at start-up)
//   → one transaction: INSERT the lead (the API's statement) + INSERT its workflow_starts marker
//   → 202 {"id": …}.
// Differences from the API, on purpose: no per-request source lookup in the database (the API
// does one), no zod, no Nest/Express/helmet/metrics middleware, no pg_notify, no dispatcher.
// Started by bench-intake.mjs after the dependencies are installed, so packages may be imported.
// Env: DATABASE_URL, PORT, DATABASE_POOL_SIZE (20, the API's default), HOST (127.0.0.1).
import { createHash } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';

const url = process.env.DATABASE_URL;
const port = Number(process.env.PORT);
if (!url || !Number.isInteger(port) || port <= 0) {
  console.error('baseline-server: DATABASE_URL and PORT are required');
  process.exit(2);
}
const host = process.env.HOST || '127.0.0.1';
const MAX_BODY = 100 * 1024; // the API's body-parser limit

const pool = new pg.Pool({
  connectionString: url,
  max: Number(process.env.DATABASE_POOL_SIZE || 20),
  application_name: 'baton-bench-baseline',
});

/** Active sources by API key hash, loaded once (the API looks each request's key up in the database). */
const sources = new Map(
  (await pool.query('SELECT id, flow_id, api_key_hash FROM sources WHERE active')).rows.map(
    (row) => [row.api_key_hash, { id: row.id, flowId: row.flow_id }],
  ),
);

// The same INSERT as apps/api/src/intake/lead-intake.service.ts.
const INSERT_LEAD = `INSERT INTO leads (source_id, external_id, name, email, phone, company, message, custom_fields, context,
                    received_at, flow_version_id)
 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
         (SELECT published_version_id FROM flows WHERE id = $11))
 ON CONFLICT (source_id, external_id) WHERE external_id IS NOT NULL DO NOTHING
 RETURNING id`;

/**
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {object} body
 */
function answer(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * @param {{ id: string, flowId: string | null }} source
 * @param {any} lead
 */
async function store(source, lead) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(INSERT_LEAD, [
      source.id,
      lead.externalId ?? null,
      lead.contact.name,
      lead.contact.email?.toLowerCase() ?? null,
      lead.contact.phone ?? null,
      lead.contact.company ?? null,
      lead.message ?? null,
      JSON.stringify(lead.customFields ?? {}),
      JSON.stringify(lead.source ?? {}),
      new Date(),
      source.flowId,
    ]);
    const id = rows[0]?.id;
    if (!id) throw new Error('duplicate external id (the baseline does not fold duplicates)');
    await client.query('INSERT INTO workflow_starts (lead_id) VALUES ($1)', [id]);
    await client.query('COMMIT');
    return id;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') return answer(res, 200, { status: 'ok' });
  if (req.method !== 'POST' || req.url !== '/api/v1/leads')
    return answer(res, 404, { message: 'Not found' });

  const key = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const source = key && sources.get(createHash('sha256').update(key).digest('hex'));
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  req.on('data', (/** @type {Buffer} */ chunk) => {
    size += chunk.length;
    if (size <= MAX_BODY) chunks.push(chunk);
  });
  req.on('end', () => {
    if (!source) return answer(res, 401, { message: 'Unknown or revoked API key' });
    if (size > MAX_BODY) return answer(res, 413, { message: 'Body too large' });
    /** @type {any} */
    let lead;
    try {
      lead = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return answer(res, 400, { message: 'Body is not JSON' });
    }
    const contact = lead?.contact;
    if (
      typeof contact?.name !== 'string' ||
      contact.name.trim() === '' ||
      (typeof contact.email !== 'string' && typeof contact.phone !== 'string')
    ) {
      return answer(res, 400, { message: 'contact.name and an email or phone are required' });
    }
    store(source, lead).then(
      (id) => answer(res, 202, { id, status: 'accepted' }),
      (error) => {
        console.error(`baseline-server: ${error instanceof Error ? error.message : error}`);
        answer(res, 500, { message: 'Internal error' });
      },
    );
  });
});

server.listen(port, host, () => {
  console.log(`baseline listening on http://${host}:${port} (${sources.size} source(s) cached)`);
});

const shutdown = () => {
  server.close();
  server.closeAllConnections?.();
  void pool.end().finally(() => process.exit(0));
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
