import { createRequire } from 'node:module';
import { readFontAdvances, type FontAdvances } from './fontAdvances.js';

const require = createRequire(import.meta.url);

const FILES = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  oblique: 'DejaVuSans-Oblique.ttf',
  boldOblique: 'DejaVuSans-BoldOblique.ttf',
} as const;

function fontPath(file: string): string {
  return require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
}

/**
 * The font files the PNG renderer uses (DejaVu Sans regular, bold and oblique, from the
 * `dejavu-fonts-ttf` package). resvg is given only these, never system fonts, so the
 * same chart gives the same PNG on every machine; without them it silently drops text.
 */
export function chartFontFiles(): string[] {
  return Object.values(FILES).map(fontPath);
}

/** Advance widths of the regular and bold faces (oblique faces have the same advances). */
export function chartFontAdvances(): { regular: FontAdvances; bold: FontAdvances } {
  return { regular: readFontAdvances(fontPath(FILES.regular)), bold: readFontAdvances(fontPath(FILES.bold)) };
}
