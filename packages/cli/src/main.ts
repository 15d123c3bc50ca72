type Command = { run: (argv: string[]) => Promise<number>; help: string };

/** Every command, loaded lazily so `nutmeg totp` does not pay for the forecaster or the database. */
const COMMANDS: Record<string, Command> = {
  migrate: {
    run: async () => (await import('./commands/database.ts')).migrateCommand(),
    help: 'apply pending database migrations (DATABASE_URL or DATA_DIR)',
  },
  seed: {
    run: async () => (await import('./commands/database.ts')).seedCommand(),
    help: 'seed an empty database (NUTMEG_SEED=demo|none)',
  },
  'user create': {
    run: async (a) => (await import('./commands/user-create.ts')).userCreate(a),
    help: 'create a user: --username --email --first --last --access-type --org PIN [--dph-roles a,b]',
  },
  backup: {
    run: async (a) => (await import('./commands/backup.ts')).backupCommand(a),
    help: 'write the whole database to a file while Nutmeg runs: [--out file.jsonl.gz]',
  },
  restore: {
    run: async (a) => (await import('./commands/backup.ts')).restoreCommand(a),
    help: 'load a backup file into an empty database (a new DATA_DIR, or DATABASE_URL)',
  },
  totp: {
    run: async (a) => (await import('./commands/totp.ts')).totpCommand(a),
    help: 'print the current 6-digit code for a TOTP secret (demo logins)',
  },
  'cdsi-check': {
    run: async (a) => (await import('./commands/cdsi-check.ts')).cdsiCheck(a),
    help: 'run CDC CDSi test cases: cdsi-check <file.jsonl>… [--known file]',
  },
  generate: {
    run: async (a) => (await import('./commands/generate.ts')).generate(a),
    help: 'load a synthetic population: --people N [--seed S] [--duplicates D] [--as-of DATE] [--skip-doses] [--defer-indexes]',
  },
  'audit verify': {
    run: async () => (await import('./commands/audit.ts')).auditVerify(),
    help: 'check the keyed audit chain against its signed checkpoints (exit 1 if broken)',
  },
  'audit checkpoint': {
    run: async () => (await import('./commands/audit.ts')).auditCheckpoint(),
    help: 'sign a checkpoint of the audit chain now',
  },
  'forecast refresh': {
    run: async (a) => (await import('./commands/forecast-refresh.ts')).forecastRefresh(a),
    help: 'store the forecasts that are missing or due, in worker threads; resumable: [--all] [--threads N]',
  },
  'hl7 process': {
    run: async (a) => (await import('./commands/hl7.ts')).hl7Process(a),
    help: 'run a file of HL7 messages (FHS/BHS accepted) through the exchange pipeline: <file> [--interface <id>] [--restart] [--batch K] [--workers W]',
  },
  'bench hl7': {
    run: async (a) => (await import('./commands/bench-hl7.ts')).benchHl7(a),
    help: 'VXU per second through the HL7 pipeline and Z44 latency (writes: use a scratch database): [--vxu N] [--queries M]',
  },
  'bench hl7-fuzz': {
    run: async (a) => (await import('./commands/bench-hl7-fuzz.ts')).benchHl7Fuzz(a),
    help: 'mutated corpus messages through the HL7 pipeline: crashes and partial writes (writes: scratch database): [--count N] [--seed S]',
  },
  'bench search': {
    run: async (a) => (await import('./commands/bench-search.ts')).benchSearch(a),
    help: 'time name+DOB patient searches: [--queries N] [--typos]',
  },
  'bench reports': {
    run: async (a) => (await import('./commands/bench-reports.ts')).benchReports(a),
    help: 'time reminder/recall (largest clinic) and statewide 24–35-month coverage: [--clinic PIN] [--runs N]',
  },
  'bench population': {
    run: async (a) => (await import('./commands/bench-population.ts')).benchPopulation(a),
    help: 'load the reports benchmark population into a scratch DATABASE_URL, set-based and resumable: [--people N] [--clinic PIN]',
  },
  'bench forecast': {
    run: async (a) => (await import('./commands/bench-forecast.ts')).benchForecast(a),
    help: 'benchmark the forecaster (patients/s, memory)',
  },
};

export async function main(argv: string[]): Promise<number> {
  const two = argv.slice(0, 2).join(' ');
  const key = COMMANDS[two] ? two : argv[0];
  const cmd = key ? COMMANDS[key] : undefined;
  if (!cmd || !key) {
    console.log('Usage: nutmeg <command> [options]\n');
    for (const [name, c] of Object.entries(COMMANDS)) console.log(`  ${name.padEnd(16)} ${c.help}`);
    return argv.length && argv[0] !== 'help' && argv[0] !== '--help' ? 2 : 0;
  }
  try {
    return await cmd.run(argv.slice(key.split(' ').length));
  } catch (err) {
    console.error(`nutmeg ${key}: ${(err as Error).message}`);
    return 1;
  }
}
