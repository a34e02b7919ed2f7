/**
 * Credentials are read by the background, off the page's main thread: the credential
 * patterns are costly to compile (one took over 100 ms in Firefox, a long task on every
 * page load), while the background compiles them once for all tabs. The text goes in
 * chunks so no single message is large to clone.
 */
import type { PageLink, TextBlock } from '../../core/engine/types.ts';
import { CredentialResult } from '../../core/findings.ts';
import type { CredentialResult as CredentialResultT } from '../../core/findings.ts';
import { sendFromContent } from '../../platform/messages/index.ts';
import * as z from 'zod/mini';

const CHUNK_CHARS = 150_000;
const MAX_BLOCKS = 4000;
const MAX_LINKS = 4000;
const MAX_BLOCK_CHARS = 200_000;
const Answer = z.array(CredentialResult);

export async function readCredentials(blocks: readonly TextBlock[], links: readonly PageLink[], url: string): Promise<CredentialResultT[]> {
  const out: CredentialResultT[] = [];
  let chunk: TextBlock[] = [];
  let chars = 0;
  let first = true;
  const send = async () => {
    const answer = Answer.safeParse(
      await sendFromContent({
        kind: 'inpage/credentials',
        url,
        blocks: chunk,
        links: first ? links.slice(0, MAX_LINKS).map((l) => ({ href: l.href.slice(0, 4000), text: l.text.slice(0, 1000), ...(l.src ? { src: l.src.slice(0, 4000) } : {}) })) : [],
      }).catch(() => []),
    );
    if (answer.success) out.push(...answer.data);
    first = false;
    chunk = [];
    chars = 0;
  };
  for (const block of blocks) {
    const text = block.text.slice(0, MAX_BLOCK_CHARS);
    chunk.push({ text, where: block.where, zone: block.zone });
    chars += text.length;
    if (chars >= CHUNK_CHARS || chunk.length >= MAX_BLOCKS) await send();
  }
  if (chunk.length || first) await send();
  return out;
}
