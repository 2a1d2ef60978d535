// Test support (used by *.test.ts only): a small authoritative DNS server over UDP on 127.0.0.1,
// so sender authentication runs its real lookups (through EMAIL_DNS_SERVERS) against records the
// test chose (SPF, DKIM keys, DMARC policies) and never against the real DNS.
import { createSocket as udpSocket, type RemoteInfo } from 'node:dgram';

const TXT = 16;

/** `records['_dmarc.victim.test'] = ['v=DMARC1; p=reject']`; names are compared without case. */
export type TestZone = Record<string, string[]>;

function readName(message: Buffer, offset: number): { name: string; end: number } {
  const labels: string[] = [];
  let at = offset;
  while (message[at]! > 0) {
    const length = message[at]!;
    labels.push(message.subarray(at + 1, at + 1 + length).toString('latin1'));
    at += 1 + length;
  }
  return { name: labels.join('.').toLowerCase(), end: at + 1 };
}

/** TXT RDATA: the text in strings of at most 255 bytes, each after its length byte. */
function txtData(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length || i === 0; i += 255) {
    const chunk = bytes.subarray(i, i + 255);
    parts.push(Buffer.from([chunk.length]), chunk);
    if (bytes.length === 0) break;
  }
  return Buffer.concat(parts);
}

function answer(query: Buffer, zone: TestZone, queries: string[]): Buffer {
  const { name, end } = readName(query, 12);
  const type = query.readUInt16BE(end);
  queries.push(`${name} ${type}`);
  const known = Object.keys(zone).find((k) => k.toLowerCase() === name);
  const texts = known && type === TXT ? zone[known]! : [];
  const header = Buffer.alloc(12);
  header.writeUInt16BE(query.readUInt16BE(0), 0);
  // QR, opcode 0, AA, RD copied, RA; rcode 3 (NXDOMAIN) for a name we do not have at all.
  header.writeUInt16BE(0x8400 | (query.readUInt16BE(2) & 0x0100) | 0x0080 | (known ? 0 : 3), 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(texts.length, 6);
  const question = query.subarray(12, end + 4);
  const records = texts.map((text) => {
    const data = txtData(text);
    const fixed = Buffer.alloc(12);
    fixed.writeUInt16BE(0xc00c, 0); // the name: a pointer to the question's
    fixed.writeUInt16BE(TXT, 2);
    fixed.writeUInt16BE(1, 4);
    fixed.writeUInt32BE(60, 6);
    fixed.writeUInt16BE(data.length, 10);
    return Buffer.concat([fixed, data]);
  });
  return Buffer.concat([header, question, ...records]);
}

export async function startTestDns(zone: TestZone): Promise<{ server: string; zone: TestZone; queries: string[]; close(): Promise<void> }> {
  const socket = udpSocket('udp4');
  const queries: string[] = [];
  socket.on('message', (message: Buffer, peer: RemoteInfo) => {
    try {
      socket.send(answer(message, zone, queries), peer.port, peer.address);
    } catch {
      // A malformed query gets no answer, as from a real server; the resolver times out.
    }
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { server: `127.0.0.1:${socket.address().port}`, zone, queries, close: () => new Promise<void>((resolve) => socket.close(() => resolve())) };
}
