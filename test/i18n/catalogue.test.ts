import { describe, expect, it } from 'vitest';
import { EN } from '../../src/i18n/en.js';
import { ID } from '../../src/i18n/id.js';
import { langFromEnv } from '../../src/i18n/lang.js';
import { CATALOGUES, locale } from '../../src/i18n/locale.js';
import { numberFormat } from '../../src/i18n/numberFormat.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('have the same keys in English and Bahasa Indonesia, none empty', () => {
    const en = Object.keys(EN).sort();
    const id = Object.keys(ID).sort();
    expect(
      id.filter((k) => !en.includes(k)),
      'keys only in id.ts',
    ).toEqual([]);
    expect(
      en.filter((k) => !id.includes(k)),
      'keys missing from id.ts',
    ).toEqual([]);
    for (const [lang, messages] of Object.entries(CATALOGUES))
      for (const [key, text] of Object.entries(messages)) expect(text.trim(), `${lang} ${key}`).not.toBe('');
  });

  it('use the same placeholders for every key in both languages', () => {
    for (const key of Object.keys(EN) as (keyof typeof EN)[])
      expect(placeholders(ID[key]), key).toEqual(placeholders(EN[key]));
  });

  it('fills placeholders', () => {
    expect(locale('en').t('time.yearMonth', { y: 5, m: 9 })).toBe('year 5, month 9');
    expect(locale('id').t('time.yearMonth', { y: 5, m: 9 })).toBe('tahun 5, bulan 9');
  });

  it('take the language from LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(langFromEnv({ LANG: 'id_ID.UTF-8' })).toBe('id');
    expect(langFromEnv({ LC_ALL: 'en_US.UTF-8', LANG: 'id_ID.UTF-8' })).toBe('en');
    expect(langFromEnv({ LC_MESSAGES: 'id', LANG: 'C' })).toBe('id');
    expect(langFromEnv({ LANG: 'C.UTF-8' })).toBe('en');
    expect(langFromEnv({})).toBe('en');
    expect(langFromEnv({ LANG: 'is_IS.UTF-8' })).toBe('en'); // Icelandic, not Indonesian
  });
});

describe('the number format (one for reports, CLI and dashboard)', () => {
  const en = numberFormat('en');
  const id = numberFormat('id');
  it('writes rupiah short, with three significant digits and the language’s words', () => {
    expect(en.value(1_440_000, 'rupiah per person per month')).toBe('Rp1.44 M');
    expect(id.value(1_440_000, 'rupiah per person per month')).toBe('Rp1,44 jt');
    expect(en.value(104_818_304_502, 'rupiah')).toBe('Rp105 bn');
    expect(id.value(104_818_304_502, 'rupiah')).toBe('Rp105 M');
    expect(id.value(2_960_000_000_000, 'rupiah')).toBe('Rp2,96 T');
    expect(en.value(85_328, 'rupiah')).toBe('Rp85.3 k');
    expect(id.value(85_328, 'rupiah')).toBe('Rp85,3 rb');
    expect(en.value(845, 'rupiah')).toBe('Rp845');
    expect(en.value(999_999, 'rupiah')).toBe('Rp1.00 M'); // rounds up into the next word
  });
  it('puts the minus before Rp: -Rp233 jt, never Rp-233', () => {
    expect(id.value(-233_238_038, 'rupiah per year')).toBe('-Rp233 jt');
    expect(en.change(-233_238_038, 'rupiah')).toBe('-Rp233 M');
    expect(en.change(81_000, 'rupiah')).toBe('+Rp81.0 k');
  });
  it('shows shares as percent and their changes in percentage points', () => {
    expect(en.value(0.10828, 'share')).toBe('10.8%');
    expect(id.value(0.10828, 'share')).toBe('10,8%');
    expect(en.change(-0.029, 'share')).toBe('-2.9 pp');
    expect(id.change(-0.029, 'share')).toBe('-2,9 poin');
    expect(en.percentChange(0.081)).toBe('+8.1%');
  });
  it('uses the language’s separators: 1,234,567.8 / 1.234.567,8', () => {
    expect(en.integer(1_234_568)).toBe('1,234,568');
    expect(id.integer(1_234_568)).toBe('1.234.568');
    expect(en.fixed(1_234_567.8, 1)).toBe('1,234,567.8');
    expect(id.fixed(1_234_567.8, 1)).toBe('1.234.567,8');
    expect(id.value(0.3124, 'index')).toBe('0,312');
  });
  it('writes no sign for a value that rounds to zero, and "–" when missing', () => {
    expect(en.change(-0.00001, 'index')).toBe('0.000');
    expect(en.value(Number.NaN, 'share')).toBe('–');
    expect(en.value(undefined, 'share')).toBe('–');
  });
});
