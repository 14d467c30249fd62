/**
 * Pretty JSON whose long lists of records (`compactKeys`) keep one record per line:
 * readable metadata at the top, and files that stay small and diff line by line.
 * Deterministic: the same value always gives the same text. NaN and infinities are
 * written as null, as JSON has no such numbers.
 */
export function experimentJson(value: Record<string, unknown>, compactKeys: readonly string[]): string {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  const lines = entries.map(([key, v], i) => {
    const comma = i < entries.length - 1 ? ',' : '';
    if (compactKeys.includes(key) && Array.isArray(v)) {
      if (v.length === 0) return `  ${JSON.stringify(key)}: []${comma}`;
      return `  ${JSON.stringify(key)}: [\n${v.map((row) => `    ${JSON.stringify(row)}`).join(',\n')}\n  ]${comma}`;
    }
    const text = JSON.stringify(v, null, 2).replace(/\n/g, '\n  ');
    return `  ${JSON.stringify(key)}: ${text}${comma}`;
  });
  return `{\n${lines.join('\n')}\n}\n`;
}
