/** The script library in force: the administrators' version when they saved one (kept in app_meta), else the bundled one. */
import { BUNDLED_LIBRARY, libraryProblems, librarySize, type ScriptLibrary } from '../../domain/mediation/scripts.js';
import { AppError } from '../../shared/app-error.js';
import { roleOf, type ServiceContext } from '../../shared/context.js';

const KEY = 'mediation_script_library';

/** The library in force. */
export async function activeLibrary(ctx: Pick<ServiceContext, 'db'>): Promise<ScriptLibrary> {
  const row = await ctx.db.selectFrom('app_meta').select('value').where('key', '=', KEY).executeTakeFirst();
  return row ? (JSON.parse(row.value) as ScriptLibrary) : BUNDLED_LIBRARY;
}

/** The library with its size and where it comes from. */
export async function describeLibrary(ctx: ServiceContext) {
  const row = await ctx.db.selectFrom('app_meta').select('value').where('key', '=', KEY).executeTakeFirst();
  const library = row ? (JSON.parse(row.value) as ScriptLibrary) : BUNDLED_LIBRARY;
  return { source: row ? 'edited' : 'bundled', size: librarySize(library), library };
}

/** Replaces the library (regulators/administrators); every gap is named and nothing is saved when there is one. */
export async function saveLibrary(ctx: ServiceContext, library: ScriptLibrary) {
  if (roleOf(ctx.actor) !== 'regulator') throw new AppError('forbidden', 'The script library is edited by administrators.');
  const problems = libraryProblems(library);
  if (problems.length) throw new AppError('invalid_input', `The library has ${problems.length} problem(s).`, problems.map((p) => ({ field: `body.${p.split(':')[0]}`, detail: p })));
  const value = JSON.stringify(library);
  await ctx.db.insertInto('app_meta').values({ key: KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
  return { source: 'edited', size: librarySize(library), version: library.version };
}
