// The official-document builder loaded on first use: docx costs ~0.2 s to load, so only a command or a handler that
// makes a .docx pays for it (the CLI's start stays fast). Same signature as buildOfficialDocx in ./index.
import type { OfficialDoc } from '../../layout/types';

export async function buildOfficialDocx(doc: OfficialDoc): Promise<Uint8Array> {
  return (await import('./index')).buildOfficialDocx(doc);
}
