import path from 'node:path';
import { readSourceFiles } from './src/lib/server/db/sources-sync';
import { analyseSource } from './src/lib/content/pipeline';
import { courseKnowledge } from './src/lib/content/course';
const only = process.argv[2];
for (const s of readSourceFiles('/tmp/w12/mix')) {
  if (only && !s.id.includes(only)) continue;
  const a = analyseSource(s, courseKnowledge());
  console.log('=====', s.id);
  for (const l of a.lines) if (l.kind !== 'prose') console.log(`  [${l.kind}${l.reason ? ': ' + l.reason : ''}] ${l.text.slice(0, 110)}`);
  for (const x of a.sentences) console.log(`  ${x.sectionTitle.slice(0, 12)} | ${x.text}`);
}
