/**
 * Whether a stream is a terminal a person is watching, so that a live Ink view makes
 * sense. Under CI (the `CI` environment variable set, as CI services and `.ci/run` do),
 * Ink renders only the last frame, so kopsim prints plain progress lines instead.
 */
export function isInteractiveTerminal(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI;
  const inCi = ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
  return stream.isTTY === true && !inCi;
}
