import type {Problem} from './types.js';

/** Where problems are told: `console`, or a stand-in in tests. */
export type ProblemConsole = Pick<Console, 'error' | 'groupCollapsed' | 'groupEnd'>;

/**
 * Logs problems as one collapsed group: what, where, how to fix. Used for the configuration
 * and for the page's tags alike.
 */
export function reportProblems(out: ProblemConsole, source: string, problems: readonly Problem[]): void {
  if (!problems.length) return;
  out.groupCollapsed(`Samtycke: ${problems.length} problem${problems.length > 1 ? 's' : ''} in ${source}. Nothing that depends on ${problems.length > 1 ? 'them' : 'it'} is released.`);
  const end = (text: string) => (/[.?!]$/.test(text) ? text : `${text}.`);
  for (const p of problems) out.error(`${source} ${p.path}: ${end(p.message)}\n  Fix: ${end(p.fix)}`);
  out.groupEnd();
}
