import * as Y from 'yjs';
import { workshopFixture } from './src/lib/export/testing/workshop-fixture';
const f = workshopFixture();
const u = Y.encodeStateAsUpdate(f.doc);
for (const cut of [u.length / 2, u.length - 1, u.length - 10, 20, 100]) {
  const d = new Y.Doc();
  try { Y.applyUpdate(d, u.slice(0, Math.floor(cut))); console.log(cut, 'ok', d.store.pendingStructs !== null, d.store.pendingDs !== null); } catch (e) { console.log(cut, 'throw', (e as Error).message); }
}
const junk = new Uint8Array(200).fill(255);
try { Y.applyUpdate(new Y.Doc(), junk); console.log('junk ok'); } catch (e) { console.log('junk throw', (e as Error).message); }
const rand = crypto.getRandomValues(new Uint8Array(300));
try { const d = new Y.Doc(); Y.applyUpdate(d, rand); console.log('rand ok', d.store.pendingStructs !== null); } catch (e) { console.log('rand throw', (e as Error).message); }
