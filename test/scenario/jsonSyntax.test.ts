import { describe, expect, it } from 'vitest';
import { jsonErrorPosition, jsonSyntaxMessage } from '../../src/scenario/load';
import { int, mulberry32 } from '../helpers/random';

/** The line and column (1-based) of character `i` of `text`, counted by hand. */
function lineColumn(text: string, i: number): [number, number] {
  let line = 1, column = 1;
  for (let k = 0; k < i; k++) {
    if (text[k] === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  return [line, column];
}

describe('JSON syntax errors', () => {
  it('are placed at the line and column of the offending character, not a position', () => {
    const r = mulberry32(5);
    let reported = 0;
    for (let k = 0; k < 200; k++) {
      // A valid, pretty-printed scenario-like object, broken by one stray character at a random place between tokens.
      const text = JSON.stringify({ name: `s${k}`, days: int(r, 1, 400), agents: [{ count: int(r, 1, 9), shift: '09:00-17:00' }] }, null, int(r, 0, 4));
      // (After a key's colon, a comma, or an opening bracket: never inside a text such as "09:00-17:00".)
      const breaks = [...text.matchAll(/":|[,[{]/g)].map((m) => m.index! + m[0].length);
      const at = breaks[int(r, 0, breaks.length - 1)];
      const broken = `${text.slice(0, at)}}${text.slice(at)}`;
      let error: unknown;
      try {
        JSON.parse(broken);
      } catch (e) {
        error = e;
      }
      const said = jsonSyntaxMessage(broken, error);
      expect(said).not.toMatch(/position/);
      // Where V8 says where the text stops being JSON, the scanner finds the same place (V8 is the oracle); where it
      // does not say ('Unexpected token ...'), the place given is the scanner's.
      const v8 = /at position (\d+)/.exec((error as Error).message);
      if (v8) {
        reported++;
        expect(jsonErrorPosition(broken), broken).toBe(Number(v8[1]));
      }
      const [line, column] = lineColumn(broken, jsonErrorPosition(broken));
      expect(said, broken).toContain(`at line ${line}, column ${column}`);
    }
    expect(reported).toBeGreaterThan(50);
  });

  it('places an unterminated text at its end, and leaves valid text without a place', () => {
    for (const text of ['{"a": "b', '{"a": [1, 2', '']) {
      let error: unknown;
      try {
        JSON.parse(text);
      } catch (e) {
        error = e;
      }
      const [line, column] = lineColumn(text, text.length);
      expect(jsonSyntaxMessage(text, error)).toContain(`line ${line}, column ${column}`);
    }
    expect(jsonSyntaxMessage('{"a": 1}', new Error('something else'))).toBe('something else');
  });
});
