/** Human-readable output of the CLI. */
import type * as registry from '../modules/registry/registry.service.js';

const STATUS_ZH: Record<string, string> = { active: '存续', revoked: '吊销', cancelled: '注销', moved_out: '迁出' };

/** Prints a search result as aligned lines. */
export function printSearch(result: Awaited<ReturnType<typeof registry.search>>): void {
  console.log(`${result.totalCapped ? 'more than ' : ''}${result.total} match${result.total === 1 ? '' : 'es'} (page ${result.page})`);
  for (const item of result.items) {
    const agency = item.agency ? ` [filed agency${item.agency.certificationLevel ? ' ' + item.agency.certificationLevel : ''}${item.agency.recommended ? ', recommended' : ''}]` : '';
    console.log(`${item.creditCode}  ${item.name}  ${STATUS_ZH[item.status] ?? item.status}  ${item.division?.city ?? item.division?.province ?? ''}${agency}  (id ${item.id})`);
  }
}

/** Prints a credit-code check. */
export function printCheck(r: Awaited<ReturnType<typeof registry.checkCode>>): void {
  console.log(`${r.normalised}: ${r.valid ? 'VALID' : 'INVALID'}`);
  if (r.message) console.log(`  ${r.message['zh-CN']}\n  ${r.message.en}`);
  for (const n of r.notes) console.log(`  note: ${n['zh-CN']} ${n.en}`);
  if (r.department) console.log(`  department:   ${r.department.code} ${r.department.zh} (${r.department.en})`);
  if (r.organisationType) console.log(`  type:         ${r.organisationType.code} ${r.organisationType.zh} (${r.organisationType.en})`);
  if (r.division) console.log(`  division:     ${r.division.code} ${[r.division.province, r.division.city, r.division.county].filter(Boolean).join(' ')}`);
  if (r.expectedCheckCharacter) console.log(`  check char:   expected ${r.expectedCheckCharacter}`);
  if (r.registered) console.log(`  registered:   ${r.registered.name} (${STATUS_ZH[r.registered.status] ?? r.registered.status}, id ${r.registered.id})`);
  else if (r.valid) console.log('  registered:   no enterprise with this code in the registry');
}
