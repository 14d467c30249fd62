// Module customization hooks (registered by moduleTrace.mjs) that append every module URL the
// process resolves to the file named by KOPSIM_MODULE_TRACE.
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (process.env.KOPSIM_MODULE_TRACE) appendFileSync(process.env.KOPSIM_MODULE_TRACE, `${resolved.url}\n`);
  return resolved;
}
