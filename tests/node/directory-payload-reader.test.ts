import { test } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import vm from 'node:vm';
import { PayloadReader } from '../../src/core/directory/payload-reader.js';
import { generateDisclosureItems } from '../../src/core/directory/generate.js';

/** What the reader makes of `text` cut into pieces at `cuts`, with batches of `batchUnits`: the value or the error's message. */
function read(text: string, cuts: number[], batchUnits: number): { value?: unknown; error?: string; listed: boolean; batches: number[] } {
  const batches: number[] = [];
  const reader = new PayloadReader((from) => batches.push(from), batchUnits);
  let last = 0;
  for (const cut of [...cuts, text.length]) {
    reader.push(text.slice(last, cut));
    last = cut;
  }
  try {
    return { value: reader.end(), listed: reader.listed, batches };
  } catch (error) {
    return { error: (error as Error).message, listed: reader.listed, batches };
  }
}

function parsed(text: string): { value?: unknown; error?: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Payloads whose list the reader reads batch by batch (the rest it leaves to JSON.parse of the whole text). */
const streamed = [
  '[]',
  ' [ ] ',
  '{"items":[]}',
  '[{"id":"a"},{"id":"b"},{"id":"c"}]',
  '{"items":[{"id":"a","t":"x,y]}{"},{"id":"b"}],"total":2}',
  '{ "items" : [ {"id":"q\\"uote\\\\","k":["a","b"]},{"id":"\\\\"} ] }',
  '[1,"two",null,[3],{"four":4},true]',
  // a `},{` inside a string, inside an item and after the list; and JSON as pretty-printed
  '{"items":[{"id":"a","t":"x},{y"},{"id":"b","n":[{"a":1},{"b":2}]},{"id":"c"}],"facets":[{"v":1},{"v":2}]}',
  '[{"id":"a","t":"},{},{},{"},{"id":"b"}]',
  '{\n  "items": [\n    {\n      "id": "a"\n    },\n    {\n      "id": "b"\n    }\n  ]\n}\n',
];
const payloads = [
  ...streamed,
  // not what the reader expects: JSON.parse of the whole text decides
  '{"total":2,"meta":{"items":[9],"list":[1,[2,{"x":"]"}]]},"items":[{"id":"a"} , {"id":"b"}]}',
  '{"items":[{"id":"\\u0061"}]," more":"\\u005d"}',
  '{"\\u0069tems":[{"id":"disguised"}],"items":[{"id":"plain"}]}',
  '{"items":[{"id":"plain"}],"\\u0069tems":[{"id":"disguised"}]}',
  '{"items":[{"id":"first"}],"items":[{"id":"second"}]}',
  '{"items":{"id":"not a list"}}',
  '{"items":"no"}',
  '{"total":3}',
  '"just a string [with, brackets]"',
  // not JSON
  '[{"id":"a"},]',
  '[{"id":"a"},,{"id":"b"}]',
  '[,{"id":"a"}]',
  '[{"id":"a"}',
  '{"items":[{"id":"a"}]',
  '[{"id":"a"}]]',
  '[{"id":"a"}] trailing',
  'junk[{"id":"a"}]',
  '{"items":[{"id":"a"}],}',
  '[{"id":"a"} {"id":"b"}]',
  '[{"id":"a",}]',
  '[{"id":"unterminated}]',
  '',
  '   ',
];

test('a payload read piece by piece is what JSON.parse of the whole text gives, or its error, wherever the pieces are cut', () => {
  for (const text of payloads) {
    const expected = parsed(text);
    // Every place for one cut, and every third for two, with batches cut at every comma or every few.
    for (const batchUnits of [1, 7, 1 << 18]) {
      for (let a = 0; a <= text.length; a++) {
        for (let b = a; b <= text.length; b += a % 3 === 0 ? 1 : text.length + 1) {
          const got = read(text, [a, b], batchUnits);
          const where = `${JSON.stringify(text)} cut at ${a}, ${b}, batches of ${batchUnits}`;
          if (expected.error !== undefined) assert.equal(got.error, expected.error, where);
          else assert.deepEqual(got.value, expected.value, where);
          assert.equal(got.listed, streamed.includes(text), `${where}: read batch by batch`);
        }
      }
    }
  }
});

test('the items come in batches as the text arrives, each announced with where it begins, and are the payload’s list', () => {
  const items = generateDisclosureItems(300, 7);
  const text = JSON.stringify({ items, total: items.length });
  const pieces: number[] = [];
  for (let at = 0; at < text.length; at += 4096) pieces.push(at);
  const reader = new PayloadReader((from) => announced.push([from, reader.items.length]), 8192);
  const announced: [number, number][] = [];
  const seenAtPieces: number[] = [];
  for (let k = 0; k < pieces.length; k++) {
    reader.push(text.slice(pieces[k], pieces[k + 1] ?? text.length));
    seenAtPieces.push(reader.items.length);
  }
  // Items are parsed while pieces still come, not all at the end.
  assert.ok(seenAtPieces[Math.floor(pieces.length / 2)]! > 0, 'items parsed by the middle of the text');
  assert.ok(announced.length > 10, `batches: ${announced.length}`);
  // Each batch begins where the one before ended, and together they are every item.
  announced.forEach(([from], k) => assert.equal(from, k === 0 ? 0 : announced[k - 1]![1]));
  const payload = reader.end() as { total: number; items: unknown[] };
  assert.equal(reader.listed, true);
  assert.equal(payload.items, reader.items);
  assert.deepEqual(payload, JSON.parse(text));
});

test('a payload the reader gives up on is parsed whole: its list is then not the items read so far', () => {
  for (const text of ['{"items":[{"id":"a"}],"items":[{"id":"b"}]}', '{"\\u0069tems":[{"id":"a"}]}']) {
    const reader = new PayloadReader(undefined, 1);
    reader.push(text);
    const payload = reader.end() as { items: unknown[] };
    assert.equal(reader.listed, false, text);
    assert.deepEqual(payload, JSON.parse(text));
  }
});

/** A long list's text in pieces, and the reader's result, cut into batches as it arrives. */
function readLong(
  text: string,
  pieceUnits = 5000,
  batchUnits = 20_000,
): { value?: unknown; error?: unknown; listed: boolean; batches: number } {
  let batches = 0;
  const reader = new PayloadReader(() => batches++, batchUnits);
  for (let at = 0; at < text.length; at += pieceUnits) reader.push(text.slice(at, at + pieceUnits));
  try {
    return { value: reader.end(), listed: reader.listed, batches };
  } catch (error) {
    return { error, listed: reader.listed, batches };
  }
}

test('after batches were cut, a later key named "items" (plainly or in escapes) still wins as in JSON.parse, and one inside an item does not', () => {
  const items = generateDisclosureItems(400, 3);
  const list = JSON.stringify(items).slice(1, -1);
  const cases: [text: string, listed: boolean][] = [
    [`{"items":[${list}],"total":400}`, true],
    [`{"items":[${list},{"id":"last","items":[1]}],"total":401}`, true],
    [`{"items":[${list},{"id":"last","t":"\\u0069tems"}]}`, true],
    [`{"items":[${list}],"items":[{"id":"later"}]}`, false],
    [`{"items":[${list}],"\\u0069tems":[{"id":"disguised"}]}`, false],
    [`{"items":[${list}],"items":"not a list"}`, false],
    // a later list that begins as the reader's marks do
    [`{"items":[${list}],"items":["zwgk-cut-1",{"id":"later"}]}`, false],
    [`{"items":[${list}],"items":["zwgk-cut-2",{"id":"later"}]}`, false],
    [`[${list},{"id":"last","items":[{"id":"nested"}]}]`, true],
  ];
  for (const [text, listed] of cases) {
    const got = readLong(text);
    const where = text.slice(-60);
    assert.ok(got.batches > 5, `${where}: read in batches (${got.batches})`);
    assert.equal(got.error, undefined, where);
    assert.deepEqual(got.value, JSON.parse(text), where);
    assert.equal(got.listed, listed, `${where}: the list read as it came`);
  }
});

test('a list cut off or broken after batches were read throws a SyntaxError, as JSON.parse of the whole text does', () => {
  const text = JSON.stringify({ items: generateDisclosureItems(400, 5) });
  for (const broken of [text.slice(0, -2), text.slice(0, Math.floor(text.length * 0.9)), `${text.slice(0, -2)},]}`, `${text}x`]) {
    assert.throws(() => JSON.parse(broken), SyntaxError);
    const got = readLong(broken);
    assert.ok(got.batches > 5);
    assert.ok(got.error instanceof SyntaxError, `${broken.slice(-30)}: ${String(got.error)}`);
  }
});

test('while a long list downloads the reader holds its items and the text since the last cut, not the whole text', () => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  /** The heap that what `make` returns holds (made in a frame of its own, so nothing else of its making stays alive). */
  const heldBy = (make: () => unknown): number => {
    gc();
    const base = process.memoryUsage().heapUsed;
    const kept = [make()];
    gc();
    const held = process.memoryUsage().heapUsed - base;
    kept.length = 0;
    return held;
  };
  const text = JSON.stringify({ items: generateDisclosureItems(20_000, 11) });
  const textBytes = text.length * 2; // as UTF-16: the text is mostly Chinese
  const itemsHeap = heldBy(() => JSON.parse(text));
  let itemsRead = 0;
  const readerHeap = heldBy(() => {
    const reader = new PayloadReader();
    // Pieces as a download gives them: each a string of its own (Buffer's, since Node's TextDecoder makes strings
    // outside the heap).
    for (let at = 0; at < text.length; at += 32_768) reader.push(Buffer.from(text.slice(at, at + 32_768)).toString());
    itemsRead = reader.items.length;
    return reader;
  });
  assert.ok(itemsRead > 19_000, `items read: ${itemsRead}`);
  assert.ok(
    readerHeap < itemsHeap + textBytes / 4,
    `the reader held ${readerHeap} B before its end; the items take ${itemsHeap} B, the text ${textBytes} B`,
  );
});
