// Test helper: the real messages of ../shared/hl7/messages (read by tests only; the codec itself does no I/O).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MESSAGES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../shared/hl7/messages');

export interface CorpusMessage {
  id: string;
  source: string;
  name: string;
  msh9?: string;
  text: string;
}

export function corpus(): CorpusMessage[] {
  return fs
    .readFileSync(path.join(MESSAGES, 'corpus.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusMessage);
}

export function corpusMessage(id: string): CorpusMessage {
  const m = corpus().find((c) => c.id === id);
  if (!m) throw new Error(`no corpus message ${id}`);
  return m;
}

/** The messages of messages/by-source/*.hl7: '# name' line, then the segments one per line (LF). */
export function bySource(): { file: string; name: string; text: string }[] {
  const dir = path.join(MESSAGES, 'by-source');
  return fs
    .readdirSync(dir)
    .sort()
    .flatMap((file) => {
      const blocks = fs.readFileSync(path.join(dir, file), 'utf8').split(/^# /m).slice(1);
      return blocks.map((b) => {
        const [name = '', ...lines] = b.split('\n');
        return { file, name, text: lines.join('\n').replace(/\n+$/, '') };
      });
    });
}
