// The ownership check: every table has one owning module (the file of packages/db/src/schema/ that declares
// it, named after the module), and only that module's *.repo.ts files may name the table in SQL. It reads the
// code with the TypeScript checker, so a table passed through a typed variable (`updateTable(t)` with
// t: 'doses' | 'patient_refusals') is seen as well as a literal one, and a table name that is not known
// statically (a plain string) is refused. There is no list of exceptions. Run by table-ownership.test.ts.
//
// Scanned: the server and the CLI, tests and test support aside (files named *.test.ts, *.test-helpers.ts,
// *.testing.ts, and src/testing/): tests arrange and inspect database state directly.

import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface Violation {
  file: string;
  line: number;
  table: string;
  /** The module that owns the table ('?' when the table name is not known statically). */
  owner: string;
  message: string;
}

const SCANNED = ['packages/server/src', 'packages/cli/src'];
const TEST_CODE = /(\.test|\.test-helpers|\.testing)\.tsx?$|\/src\/testing\//;
/** Kysely methods whose first argument names a table (queries, joins, DELETE … USING, MERGE). */
const TABLE_METHODS = new Set([
  'selectFrom',
  'insertInto',
  'replaceInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
  'using',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'crossJoin',
  'innerJoinLateral',
  'leftJoinLateral',
  'crossJoinLateral',
]);
const REPO = /^packages\/server\/src\/modules\/([^/]+)\/(?:.+\/)?[^/]+\.repo\.ts$/;

/** table → owning module, from packages/db/src/schema/<module>.ts (the members of its `…Tables` interface). */
export function tableOwners(root: string): Map<string, string> {
  const dir = path.join(root, 'packages/db/src/schema');
  const owners = new Map<string, string>();
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const file = ts.createSourceFile(name, fs.readFileSync(path.join(dir, name), 'utf8'), ts.ScriptTarget.Latest);
    for (const st of file.statements) {
      if (!ts.isInterfaceDeclaration(st) || !st.name.text.endsWith('Tables')) continue;
      for (const m of st.members) {
        const table = m.name && ts.isIdentifier(m.name) ? m.name.text : undefined;
        if (!table) continue;
        const owner = name.replace(/\.ts$/, '');
        if (owners.has(table)) throw new Error(`${table} is declared by schema/${owners.get(table)}.ts and schema/${name}`);
        owners.set(table, owner);
      }
    }
  }
  return owners;
}

/** The module whose tables a file may use: its own, if it is a *.repo.ts of a module; none otherwise. */
export function fileOwner(rel: string): string | null {
  return REPO.exec(rel)?.[1] ?? null;
}

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !TEST_CODE.test(p.split(path.sep).join('/'))) out.push(p);
    }
  };
  for (const d of SCANNED) if (fs.existsSync(path.join(root, d))) walk(path.join(root, d));
  return out;
}

/** The table names a Kysely table argument can take: 'doses as d' → doses; a union of literals → each; a plain string → '?'. */
function tablesOfArgument(checker: ts.TypeChecker, arg: ts.Expression): string[] {
  if (ts.isArrayLiteralExpression(arg)) return arg.elements.flatMap((e) => tablesOfArgument(checker, e));
  const type = checker.getTypeAtLocation(arg);
  const parts = type.isUnion() ? type.types : [type];
  const out: string[] = [];
  for (const t of parts) {
    if (t.isStringLiteral())
      out.push(
        t.value
          .trim()
          .split(/\s+as\s+/i)[0]!
          .split('.')
          .pop()!,
      );
    else if (t.flags & ts.TypeFlags.String) out.push('?');
  }
  return out;
}

const words = (text: string) => text.match(/\b[a-z_][a-z0-9_]*\b/g) ?? [];

function isSqlTag(tag: ts.Expression): boolean {
  return ts.isIdentifier(tag) && tag.text === 'sql';
}

/** sql.raw(text) and CompiledQuery.raw(text): SQL written as a string. */
function isRawText(call: ts.PropertyAccessExpression): boolean {
  const on = call.expression;
  return call.name.text === 'raw' && ts.isIdentifier(on) && (on.text === 'sql' || on.text === 'CompiledQuery');
}

/** The static text of a sql`…` template (the parts between the ${} substitutions). */
function templateText(t: ts.TemplateLiteral): string {
  return ts.isNoSubstitutionTemplateLiteral(t) ? t.text : [t.head.text, ...t.templateSpans.map((s) => s.literal.text)].join(' ');
}

interface ScanOptions {
  /** Extra files (path relative to root → source), as if they were in the tree: the test plants violations with them. */
  extraFiles?: Record<string, string>;
}

/** Every use of a table in SQL outside its owner's *.repo.ts files. */
export function scanOwnership(root: string, opts: ScanOptions = {}): Violation[] {
  const owners = tableOwners(root);
  const extra = new Map(Object.entries(opts.extraFiles ?? {}).map(([rel, src]) => [path.join(root, rel), src]));
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, 'packages/server/tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  const host = ts.createCompilerHost(config!.options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (f) => extra.get(f) ?? readFile(f);
  host.fileExists = (f) => extra.has(f) || fileExists(f);
  const rootNames = [...listFiles(root), ...extra.keys()];
  const program = ts.createProgram({ rootNames, options: config!.options, host });
  const checker = program.getTypeChecker();
  const violations: Violation[] = [];

  for (const file of rootNames) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    const rel = path.relative(root, file).split(path.sep).join('/');
    const mine = fileOwner(rel);
    const use = (node: ts.Node, table: string, how: string) => {
      const owner = table === '?' ? '?' : owners.get(table);
      if (!owner || owner === mine) return;
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      const message =
        owner === '?'
          ? `${rel}:${line}: ${how}: the table it names is not known statically; name the table (or a union of table names)`
          : `${rel}:${line}: ${how} uses ${table}, which belongs to modules/${owner}: only its *.repo.ts may query it; call a function of modules/${owner}/index.ts instead`;
      violations.push({ file: rel, line, table, owner, message });
    };
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const method = node.expression.name.text;
        const arg = node.arguments[0];
        if (arg && TABLE_METHODS.has(method)) for (const t of tablesOfArgument(checker, arg)) use(node, t, `${method}()`);
        // sql.table(name); sql.raw('…') and CompiledQuery.raw('…')
        if (arg && isSqlTag(node.expression.expression) && method === 'table')
          for (const t of tablesOfArgument(checker, arg)) use(node, t, 'sql.table()');
        if (arg && isRawText(node.expression)) {
          if (!ts.isStringLiteralLike(arg)) use(node, '?', 'raw SQL text built at run time');
          else for (const w of words(arg.text)) if (owners.has(w)) use(node, w, 'raw SQL text');
        }
      }
      if (ts.isTaggedTemplateExpression(node) && isSqlTag(node.tag))
        for (const w of new Set(words(templateText(node.template)))) if (owners.has(w)) use(node, w, 'sql``');
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return violations;
}
