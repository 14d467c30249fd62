import { describe, expect, it } from 'vitest';
import { errorText } from '../../src/cli/errorText.js';
import { langOfArgv } from '../../src/cli/langOfArgv.js';
import { InputError, KopsimError } from '../../src/core/errors.js';
import { EN } from '../../src/i18n/en.js';
import { ID } from '../../src/i18n/id.js';
import { locale } from '../../src/i18n/locale.js';
import { PROBLEM_PATTERNS, problemMessage } from '../../src/i18n/problemText.js';

const en = locale('en');
const id = locale('id');

describe('problem messages in the catalogue', () => {
  for (const { pattern, key, example } of PROBLEM_PATTERNS) {
    it(`${key}: its example is matched first, reads back in English and is translated`, () => {
      const first = PROBLEM_PATTERNS.find((p) => p.pattern.test(example));
      expect(first?.key, 'the first pattern that matches the example').toBe(key);
      const groups = pattern.exec(example)!.groups ?? {};
      // English is the message itself: the catalogue's template filled with the parts gives it back.
      expect(en.t(key, groups)).toBe(example);
      expect(problemMessage(en, example)).toBe(example);
      const translated = problemMessage(id, example);
      expect(translated).not.toBe(example);
      // Names, paths and values are kept as they are.
      for (const [name, value] of Object.entries(groups)) if (name !== 'msg') expect(translated, name).toContain(value);
    });
  }

  it('every problem key has an Indonesian text different from the English one', () => {
    for (const { key } of PROBLEM_PATTERNS) expect(ID[key], key).not.toBe(EN[key]);
  });

  it('translates a message inside a message and leaves unknown shapes as they are', () => {
    expect(problemMessage(id, 'is not a scenario field (in extends parent base.yaml)')).toBe(
      'bukan kolom skenario (di induk extends base.yaml)',
    );
    expect(problemMessage(id, 'something kopsim has no translation for')).toBe(
      'something kopsim has no translation for',
    );
    expect(
      problemMessage(
        id,
        'regions[0].households: must be a positive integer (scenario a); seed: must be a finite number (scenario a)',
      ),
    ).toBe(
      'regions[0].households: harus bilangan bulat positif (skenario a); seed: harus bilangan berhingga (skenario a)',
    );
  });
});

describe('errorText', () => {
  const error = new InputError('kopsim run', [
    { path: '--seed', message: 'must be an integer from 0 to 4294967295', found: '-1' },
    { path: 'regions[0].households', message: 'must be a positive integer', found: -5 },
  ]);
  it('is the English message, as before, in English', () => {
    expect(errorText(error, 'en')).toBe(`kopsim: invalid input: ${error.message}`);
  });
  it('words header, problems and "got" in Bahasa Indonesia and keeps every path and value', () => {
    expect(errorText(error, 'id')).toBe(
      [
        'kopsim: masukan tidak sah: kopsim run: 2 masalah',
        '  --seed: harus bilangan bulat dari 0 sampai 4294967295, ditemukan "-1"',
        '  regions[0].households: harus bilangan bulat positif, ditemukan -5',
      ].join('\n'),
    );
    expect(errorText(new KopsimError('no such folder'), 'id')).toBe('kopsim: tidak ada folder ini');
  });
  it('counts the problems not listed in the language', () => {
    const many = new InputError(
      'x.yaml',
      Array.from({ length: 1060 }, (_, k) => ({ path: `a${k}`, message: 'is not a scenario field' })),
    );
    const text = errorText(many, 'id');
    expect(text.split('\n')[0]).toBe('kopsim: masukan tidak sah: x.yaml: 1.060 masalah');
    expect(text.split('\n').at(-1)).toBe('  dan 1.010 lagi');
  });
});

describe('langOfArgv', () => {
  it('takes --lang (either form) when it names a language, else the environment', () => {
    expect(langOfArgv(['run', '--lang', 'id'], {})).toBe('id');
    expect(langOfArgv(['run', '--lang=id'], { LANG: 'en_US.UTF-8' })).toBe('id');
    expect(langOfArgv(['run', '--lang', 'xx'], { LANG: 'id_ID.UTF-8' })).toBe('id');
    expect(langOfArgv(['run'], { LANG: 'C' })).toBe('en');
  });
});

describe('keys built from values (the compiler does not check them)', () => {
  it('every interval method, attribution design and kind of unit has its text in both languages', async () => {
    const { intervalMethodText, fewUnitsWarning } = await import('../../src/report/intervalText.js');
    const { ATTRIBUTION_DESIGNS } = await import('../../src/experiment/attributionPlan.js');
    for (const L of [en, id]) {
      for (const m of ['t', 't-logit', 't-clipped', 'none'] as const)
        expect(intervalMethodText(L, m), m).not.toMatch(/^an\./);
      for (const d of ATTRIBUTION_DESIGNS) expect(L.has(`an.designText.${d}`), d).toBe(true);
      for (const move of ['start', 'peel', 'paste']) expect(L.has(`disc.move.${move}`), move).toBe(true);
      for (const level of ['identified', 'partly', 'prior']) expect(L.has(`cal.identified.${level}`), level).toBe(true);
      for (const unit of ['replicate', 'trajectory', 'baseRow'] as const)
        for (const n of [1, 3]) expect(fewUnitsWarning(L, n, unit), `${unit} ${n}`).not.toMatch(/^an\./);
    }
    expect(fewUnitsWarning(en, 3, 'trajectory')).toMatch(/^only 3 trajectories: /);
    expect(fewUnitsWarning(en, 1)).toMatch(/^only 1 replicate: /);
  });
});
