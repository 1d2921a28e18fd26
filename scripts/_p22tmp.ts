import { readFileSync } from 'node:fs';
import { parseNotice } from '../src/domain/notice/parseNotice';
const p = parseNotice(readFileSync(process.argv[2] as string, 'utf8'));
console.log(JSON.stringify(p.notice));
for (const t of p.tasks) console.log(t.id, t.section, t.text.slice(0, 30), JSON.stringify(t.units), t.deadline.due);
for (const i of p.issues) console.log(i.severity, i.code, i.message.slice(0, 100));
