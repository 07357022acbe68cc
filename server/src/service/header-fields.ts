import { HeaderFieldKey } from '../engine';

export const DATE_FIELDS: readonly HeaderFieldKey[] = ['dateAssigned', 'dateOfInjury', 'decisionDate', 'urDenialDate', 'applicationReceived'];

/** One-line help per header field (markdown). */
export const HEADER_HELP: Record<HeaderFieldKey, string> = {
  caseNumber: 'IMR case number, `CM` + two-digit year + `-` + seven digits (e.g. `CM17-0000000`).',
  dateAssigned: 'Date the case was assigned to the expert reviewer (MM/DD/YYYY).',
  dateOfInjury: 'Date of the industrial injury (MM/DD/YYYY).',
  decisionDate: 'Date of this IMR final determination (MM/DD/YYYY).',
  urDenialDate: 'Date of the utilization review decision that denied or modified the request (MM/DD/YYYY).',
  priority: '`Standard` or `Expedited`.',
  applicationReceived: 'Date the IMR application was received (MM/DD/YYYY).',
};
