import { readSourceFiles, readCourseFile } from './src/lib/server/db/sources-sync';
import { toSourceInputs } from './src/lib/server/content/store';
import { courseKnowledge } from './src/lib/content/course';
import { classifyLines } from './src/lib/content/clean';
import { segmentSource } from './src/lib/content/segment';
import { analyseSentences } from './src/lib/content/analyse';
import { generate } from './src/lib/content/generate';
const files = toSourceInputs(readSourceFiles('/tmp/w12/mix'));
const k = courseKnowledge(readCourseFile('/tmp/w12/mix'));
let t = performance.now(); let c = 0, sg = 0, an = 0;
for (const f of files) { let a = performance.now(); const l = classifyLines(f.rawText); c += performance.now() - a; a = performance.now(); const s = segmentSource(f, l); sg += performance.now() - a; a = performance.now(); analyseSentences(s.sentences, f.rawText, k); an += performance.now() - a; }
console.log('clean', c|0, 'segment', sg|0, 'analyse', an|0);
t = performance.now(); generate(files, readCourseFile('/tmp/w12/mix')); console.log('total', (performance.now() - t)|0);
t = performance.now(); generate(files, readCourseFile('/tmp/w12/mix')); console.log('total again', (performance.now() - t)|0);
