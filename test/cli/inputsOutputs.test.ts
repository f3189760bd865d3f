import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';

async function cli(args: string[], cwd: string) {
  let out = '', err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), cwd, isTTY: false });
  return { code, out, err };
}

const model = readFileSync(new URL('../../data/calllogs/sample-truth.json', import.meta.url), 'utf8');

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'leadlab-io-'));
  writeFileSync(join(dir, 'model.json'), model);
  writeFileSync(join(dir, 'sweep.json'), JSON.stringify({
    name: 'hash test', base: { days: 5, warmupDays: 0, cooldownDays: 1, contactModel: 'model.json' }, parameters: { 'leads.perDay': [10, 20] }, replications: 1, seed: 1,
  }));
  return dir;
}

describe('input files follow one rule: bad input, exit code 2, a message naming the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leadlab-in-'));
  writeFileSync(join(dir, 'empty.csv'), '');
  writeFileSync(join(dir, 'blank.csv'), '\n\n');
  const gz = gzipSync(Buffer.from('lead,created,call time,result\n' + 'A,2024-03-04 09:00,2024-03-04 09:05,no answer\n'.repeat(2000)));
  writeFileSync(join(dir, 'cut.csv.gz'), gz.subarray(0, gz.length >> 1));
  mkdirSync(join(dir, 'folder.csv'));
  const cases: [string, string, RegExp][] = [
    ['a missing file', 'nope.csv', /nope\.csv: no such file/],
    ['an empty file', 'empty.csv', /empty\.csv: is empty \(0 bytes\)/],
    ['a file of blank lines', 'blank.csv', /blank\.csv: has no header row/],
    ['a truncated gzip file', 'cut.csv.gz', /cut\.csv\.gz: is a truncated gzip file/],
    ['a folder', 'folder.csv', /folder\.csv: is a folder, not a file/],
  ];
  for (const [what, name, message] of cases) {
    it(`import and fit refuse ${what}`, async () => {
      for (const command of ['import', 'fit']) {
        const r = await cli([command, name], dir);
        expect(r.code).toBe(2);
        expect(r.err).toMatch(message);
      }
    });
  }

  it('a file a scenario names (its model, its lead stream) that is missing, a folder or a cut gzip is said the same way', async () => {
    writeFileSync(join(dir, 'floor-model.json'), JSON.stringify({ contactModel: 'nope.json' }));
    writeFileSync(join(dir, 'floor-folder.json'), JSON.stringify({ contactModel: 'folder.csv' }));
    writeFileSync(join(dir, 'floor-stream.json'), JSON.stringify({ leads: { replay: { file: 'cut.csv.gz' } } }));
    for (const [file, path, message] of [
      ['floor-model.json', 'contactModel', /contactModel: cannot read "nope\.json": no such file$/m],
      ['floor-folder.json', 'contactModel', /contactModel: cannot read "folder\.csv": is a folder, not a file$/m],
      ['floor-stream.json', 'leads.replay.file', /leads\.replay\.file: cannot read "cut\.csv\.gz": is a truncated gzip file/],
    ] as const) {
      const r = await cli(['run', file], dir);
      expect(r.code, file).toBe(2);
      expect(r.err, file).toMatch(message);
      expect(r.err, file).toContain(`  ${path}: `);
      expect(r.err, file).not.toMatch(/ENOENT|EISDIR|open '/);
    }
  });

  it('run refuses a scenario file that is missing or a folder the same way', async () => {
    expect(await cli(['run', 'nope.json'], dir)).toMatchObject({ code: 2, err: expect.stringMatching(/nope\.json: no such file/) });
    expect(await cli(['run', 'folder.csv'], dir)).toMatchObject({ code: 2, err: expect.stringMatching(/folder\.csv: is a folder/) });
  });
});

describe('output paths are checked before anything runs', () => {
  it('refuses --report, --calls and --out into a missing folder or onto a folder, with exit code 2 and no output', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'out'));
    const a = join(root(), 'data/scenarios/default.json');
    for (const args of [
      ['compare', a, a, '--report', 'missing/report.html'],
      ['run', a, '--calls', 'out'],
      ['sweep', 'sweep.json', '--out', 'missing/res'],
      ['fit', join(root(), 'data/calllogs/sample-calls.csv.gz'), '--out', 'missing/model.json'],
    ]) {
      const r = await cli(args, dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/(does not exist|is a folder)/);
      expect(r.out).toBe('');
    }
  });
});

describe('an output is never one of the command\'s inputs', () => {
  // Each case: the command, the file it must leave alone, and the input it names in the message.
  it('refuses, before running anything, an output path that is an input: exit code 2, the flag, the path and the input named', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'floor.json'), JSON.stringify({ days: 5, warmupDays: 1, cooldownDays: 1, contactModel: 'model.json' }));
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ days: 5, warmupDays: 1, cooldownDays: 1 }));
    writeFileSync(join(dir, 'leads.csv'), 'lead_id,created\nA,2024-03-04 09:00\nB,2024-03-05 10:00\n');
    writeFileSync(join(dir, 'log.csv'), readFileSync(join(dir, 'leads.csv')));
    writeFileSync(join(dir, 'sweep-base.json'), JSON.stringify({ name: 'base file', base: 'other.json', parameters: { 'leads.perDay': [10, 20] }, replications: 1, seed: 1 }));
    expect((await cli(['sweep', 'sweep.json', '--workers', '0', '--shard', '1/2', '--out', 'p1.json'], dir)).code).toBe(0);
    symlinkSync(join(dir, 'floor.json'), join(dir, 'link.json'));
    const cases: [string[], string, RegExp][] = [
      [['run', 'floor.json', '--calls', 'floor.json'], 'floor.json', /--calls floor\.json: is also an input of this command \(the scenario file .*floor\.json\)/],
      [['run', 'floor.json', '--calls', 'link.json'], 'floor.json', /--calls link\.json: is also an input .*\(the scenario file .*floor\.json\)/],
      [['run', 'floor.json', '--calls', 'model.json'], 'model.json', /--calls model\.json: is also an input .*\(a file floor\.json names .*model\.json\)/],
      [['fit', 'log.csv', '--out', 'log.csv'], 'log.csv', /--out log\.csv: is also an input .*\(the file to fit log\.csv\)/],
      [['sweep', 'sweep.json', '--out', 'sweep'], 'sweep.json', /--out sweep\.json: is also an input .*\(the sweep file .*sweep\.json\)/],
      [['sweep', 'sweep.json', '--shard', '1/2', '--out', 'model.json'], 'model.json', /--out model\.json: is also an input .*\(a file sweep\.base names .*model\.json\)/],
      [['sweep', 'sweep-base.json', '--out', 'other'], 'other.json', /--out other\.json: is also an input .*\(the scenario file .*other\.json\)/],
      [['merge', 'p1.json', '--out', 'p1'], 'p1.json', /--out p1\.json: is also an input .*\(a shard file p1\.json\)/],
      [['compare', 'other.json', 'floor.json', '--report', 'floor.json'], 'floor.json', /--report floor\.json: is also an input .*\(the scenario file .*floor\.json\)/],
      [['compare', 'other.json', 'floor.json', '--report', 'model.json'], 'model.json', /--report model\.json: is also an input .*\(a file floor\.json names .*model\.json\)/],
      [['diagnose', 'floor.json', '--report', 'floor.json'], 'floor.json', /--report floor\.json: is also an input .*\(the scenario file floor\.json\)/],
      [['diagnose', '--leads', 'leads.csv', '--report', 'leads.csv'], 'leads.csv', /--report leads\.csv: is also an input .*\(the lead stream \(--leads\) leads\.csv\)/],
      [['diagnose', '--log', 'log.csv', '--report', 'log.csv'], 'log.csv', /--report log\.csv: is also an input .*\(the call log \(--log\) log\.csv\)/],
      [['diagnose', 'floor.json', '--report', 'model.json'], 'model.json', /--report model\.json: is also an input .*\(a file floor\.json names .*model\.json\)/],
    ];
    for (const [args, kept, message] of cases) {
      const before = readFileSync(join(dir, kept), 'utf8');
      const r = await cli(args, dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toMatch(message);
      expect(r.out, args.join(' ')).toBe('');
      expect(readFileSync(join(dir, kept), 'utf8'), `${args.join(' ')} left ${kept} alone`).toBe(before);
    }
  });
});

describe('an output written over a file that was there', () => {
  it('says so, once the file is written: nothing the first time, the file replaced the second', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'floor.json'), JSON.stringify({ days: 5, warmupDays: 1, cooldownDays: 1, replications: 2 }));
    writeFileSync(join(dir, 'calls.csv'), 'Lead,Created,Call Time,Result\nA,2024-03-04 09:00,2024-03-04 09:05,no answer\nA,2024-03-04 09:00,2024-03-04 10:05,contact\n');
    const cases: [string[], RegExp][] = [
      [['run', 'floor.json', '--calls', 'out.csv'], /^Wrote [\d,]+ call attempts? of replication 1 to out\.csv(.*)$/m],
      [['fit', 'calls.csv', '--out', 'fit.json', '--force'], /^wrote fit\.json(?: \(--force\))?(.*?)(, though .*)?$/m],
      [['compare', 'floor.json', 'floor.json', '--workers', '0', '--report', 'report.html'], /^Wrote the report to report\.html(.*)$/m],
      [['diagnose', 'floor.json', '--workers', '0', '--report', 'diagnosis.html'], /^Wrote the diagnosis to diagnosis\.html(.*)$/m],
      [['sweep', 'sweep.json', '--workers', '0', '--out', 'results'], /^Wrote results\.json, results\.runs\.csv, results\.combinations\.csv(.*)$/m],
      [['sweep', 'sweep.json', '--workers', '0', '--shard', '1/2', '--out', 'part1.json'], /^Shard 1\/2: runs 1-1 of 2; wrote part1\.json(.*)$/m],
    ];
    for (const [args, wrote] of cases) {
      const first = await cli(args, dir);
      expect(first.code, args.join(' ')).toBe(0);
      expect(first.err.match(wrote)?.slice(1).join(''), args.join(' ')).toMatch(/^(, though .*)?$/);
      const second = await cli(args, dir);
      expect(second.code, args.join(' ')).toBe(0);
      const tail = second.err.match(wrote)?.slice(1).join('');
      expect(tail, args.join(' ')).toMatch(/^; it replaced (an earlier file of that name|the earlier results\.json, results\.runs\.csv, results\.combinations\.csv)(, though .*)?$/);
    }
  });
});

describe('merge', () => {
  it('says a file is not a shard, instead of failing on a missing property', async () => {
    const dir = folder();
    expect((await cli(['sweep', 'sweep.json', '--workers', '0', '--out', 'whole'], dir)).code).toBe(0);
    const r = await cli(['merge', 'whole.json'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/whole\.json is not a shard file of `leadlab sweep --shard i\/n`: it is the result of a whole sweep/);
    writeFileSync(join(dir, 'other.json'), '{"hello": 1}');
    expect((await cli(['merge', 'other.json'], dir)).err).toMatch(/other\.json is not a shard file .*\(no "kind" field\)/);
  });

  it('refuses shards built with different contents of the same model file, naming it', async () => {
    const dir = folder();
    expect((await cli(['sweep', 'sweep.json', '--workers', '0', '--shard', '1/2', '--out', 'p1.json'], dir)).code).toBe(0);
    const changed = JSON.parse(model);
    changed.contactModel.contactability.alpha = 1.5;
    writeFileSync(join(dir, 'model.json'), JSON.stringify(changed));
    expect((await cli(['sweep', 'sweep.json', '--workers', '0', '--shard', '2/2', '--out', 'p2.json'], dir)).code).toBe(0);
    const r = await cli(['merge', 'p1.json', 'p2.json', '--out', 'merged'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/shard 2\/2 was built with different contents of model\.json than shard 1\/2 \(sha256 [0-9a-f]{12} against [0-9a-f]{12}\)/);
  });
});

function root(): string {
  return new URL('../..', import.meta.url).pathname;
}
