/**
 * A group's motive as its names tell it (assets/naming/motives.json): a name in a financially
 * motivated scheme (FIN7, "Octo Tempest", "WIZARD SPIDER", "GOLD BLACKBURN") and none in a state
 * scheme makes the entry weigh as a criminal group in the verdict. An entry's own verdictClass wins.
 * Pure module.
 */
import motivesData from '../../assets/naming/motives.json';
import type { VerdictClass } from './kinds';
import type { Entry } from './schema';

export interface MotiveRules {
  financial: RegExp[];
  state: RegExp[];
}

interface MotiveFile {
  financial: { scheme: string; regex: string }[];
  state: { scheme: string; regex: string }[];
}

export function compileMotiveRules(data: MotiveFile = motivesData as MotiveFile): MotiveRules {
  return {
    financial: data.financial.map((r) => new RegExp(r.regex, 'u')),
    state: data.state.map((r) => new RegExp(r.regex, 'u')),
  };
}

let defaults: MotiveRules | undefined;

/**
 * The verdict class an entry weighs as: its own, "spyware" for commercial spyware, "tool" for a
 * dual-use tool, or "criminal" for a financially motivated group.
 */
export function effectiveVerdictClass(
  e: Pick<Entry, 'kind' | 'aliases' | 'name' | 'verdictClass' | 'softwareType'>,
  rules: MotiveRules = (defaults ??= compileMotiveRules()),
): VerdictClass | undefined {
  if (e.verdictClass) return e.verdictClass;
  // Commercial spyware is sold to governments: a mention is evidence of state surveillance.
  if (e.kind === 'malware' && e.softwareType === 'spyware') return 'spyware';
  // Dual-use tools (Cobalt Strike, AdFind, Mimikatz) are used by red teams and criminals as much as by states.
  if (e.kind === 'malware' && e.softwareType === 'tool') return 'tool';
  if (e.kind !== 'threat-actor') return undefined;
  const names = [e.name, ...e.aliases.map((a) => a.text)];
  const any = (rs: RegExp[]) => names.some((n) => rs.some((r) => r.test(n)));
  return any(rules.financial) && !any(rules.state) ? 'criminal' : undefined;
}
