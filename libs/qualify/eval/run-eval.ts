// `npm run eval:qualify [--profile P] [--model M] [--from-db] [--misses]`: measures the
// heuristic (always) and the local model (when OLLAMA_HOST answers) against labelled leads:
// the eval set in eval/leads, or with --from-db the leads a team has corrected on the lead page.
import { parseArgs } from 'node:util';
import { BUSINESS_PROFILES, type BusinessProfile } from '../src/business-profile';
import { heuristicQualifier } from '../src/heuristic/heuristic-qualifier';
import { checkModelHealth } from '../src/model-health';
import { createOllamaQualifier } from '../src/ollama/ollama-qualifier';
import { formatEvalReport } from './format-eval-report';
import { loadEvalSet } from './load-eval-set';
import { measureEval } from './measure-eval';
import { type LabelledLead, runEvalSet } from './run-eval-set';

const USAGE = `usage: npm run eval:qualify -- [--profile ${BUSINESS_PROFILES.join('|')}] [--model NAME]
       [--from-db [--team ID] [--source ID]] [--timeout MS] [--misses]
  The heuristic is always measured; the model too when OLLAMA_HOST (and OLLAMA_MODEL or --model) answer.
  --from-db reads DATABASE_URL and measures against the leads people corrected on the lead page.`;

function fail(message: string): never {
  process.stderr.write(`eval:qualify: ${message}\n${USAGE}\n`);
  process.exit(2);
}

async function leadsFromDb(team?: string, source?: string): Promise<LabelledLead[]> {
  const url = process.env['DATABASE_URL'];
  if (!url) fail('--from-db needs DATABASE_URL (the same one the API uses)');
  const { createDataSource, loadCorrectedLeads } = await import('@baton/db');
  const db = createDataSource({ url, poolSize: 1, applicationName: 'baton-eval-qualify' });
  await db.initialize();
  try {
    const corrected = await loadCorrectedLeads(db, { teamId: team, sourceId: source });
    // The profile a lead was scored with is its flow version's qualify node's; b2b if none.
    const profiles = new Map<string, BusinessProfile>();
    const versionIds = [
      ...new Set(corrected.flatMap((c) => (c.flowVersionId ? [c.flowVersionId] : []))),
    ];
    if (versionIds.length > 0) {
      const rows = (await db.query(`SELECT id, graph FROM flow_versions WHERE id = ANY($1)`, [
        versionIds,
      ])) as {
        id: string;
        graph: { nodes?: { type?: string; config?: { profile?: string } }[] };
      }[];
      for (const row of rows) {
        const profile = row.graph?.nodes?.find((n) => n.type === 'qualify')?.config?.profile;
        if (profile && (BUSINESS_PROFILES as readonly string[]).includes(profile))
          profiles.set(row.id, profile as BusinessProfile);
      }
    }
    return corrected.map((c) => ({
      id: c.leadId,
      profile: (c.flowVersionId && profiles.get(c.flowVersionId)) || 'b2b',
      label: c.correction.class,
      injection: false,
      input: c.input,
    }));
  } finally {
    await db.destroy();
  }
}

// `npm run eval:qualify | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

async function main() {
  let args;
  try {
    args = parseArgs({
      options: {
        profile: { type: 'string' },
        model: { type: 'string' },
        'from-db': { type: 'boolean', default: false },
        team: { type: 'string' },
        source: { type: 'string' },
        timeout: { type: 'string' },
        misses: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const profile = args.profile as BusinessProfile | undefined;
  if (profile && !BUSINESS_PROFILES.includes(profile))
    fail(`--profile ${profile} is not a profile`);
  const timeoutMs = args.timeout ? Number(args.timeout) : 60_000;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1000)
    fail('--timeout is milliseconds, at least 1000');

  let leads: LabelledLead[];
  if (args['from-db']) {
    leads = await leadsFromDb(args.team, args.source);
    if (leads.length === 0) fail('no corrected leads yet: correct some on the lead page first');
  } else {
    // --profile on the eval set measures that profile's own leads.
    leads = loadEvalSet()
      .filter((c) => !profile || c.profile === profile)
      .map((c) => ({
        id: c.id,
        profile: c.profile,
        label: c.label,
        injection: c.injection,
        input: c.lead,
      }));
  }
  // On corrected leads --profile means "score them as this business"; on the set it filtered.
  const runProfile = args['from-db'] ? profile : undefined;
  const source = args['from-db'] ? 'corrected leads' : 'eval set';

  const heuristic = await runEvalSet(heuristicQualifier, leads, { profile: runProfile });
  process.stdout.write(
    `${formatEvalReport(`heuristic on the ${source}`, measureEval(heuristic.outcomes), { aims: true, misses: args.misses })}\n`,
  );

  const host = process.env['OLLAMA_HOST'];
  const model = args.model ?? process.env['OLLAMA_MODEL'];
  if (!host || !model) {
    process.stdout.write(
      `\nmodel: skipped (set OLLAMA_HOST and OLLAMA_MODEL or --model to measure one)\n`,
    );
    return;
  }
  const health = await checkModelHealth({ host, model, timeoutMs: 3000 });
  if (health.status !== 'up') {
    process.stdout.write(
      `\nmodel: skipped, ${model} at ${host} is ${health.status}${health.detail ? ` (${health.detail})` : ''}\n`,
    );
    return;
  }
  const qualifier = createOllamaQualifier({ host, model, timeoutMs });
  const run = await runEvalSet(qualifier, leads, {
    profile: runProfile,
    timeoutMs,
    onOutcome: (o, done) =>
      process.stderr.write(
        `\r  model: ${done}/${leads.length} leads${'error' in o ? ' (last: error)' : ''}   `,
      ),
  });
  process.stderr.write('\n');
  process.stdout.write(
    `\n${formatEvalReport(`model ${model} on the ${source}`, measureEval(run.outcomes), { misses: args.misses, errors: run.errors.length })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `eval:qualify: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
