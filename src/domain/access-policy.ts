/**
 * Who may do what: one table of permissions × roles, walked by the authorisation-matrix test.
 * Deny by default — a permission lists exactly the roles that hold it. Routes declare the
 * permission they need; a route without one cannot be registered (src/server/access-control.ts).
 */

/** Every role of the platform. `enterprise` is a registered, not yet verified enterprise user. */
export const ROLES = ['public', 'creditor', 'enterprise', 'enterprise_verified', 'agency', 'law_firm', 'mediator', 'partner', 'debtor', 'regulator'] as const;
/** A role. */
export type Role = (typeof ROLES)[number];

/** Roles a person may choose when registering; partners and regulators are created by an administrator. */
export const SELF_REGISTERED_ROLES = ['creditor', 'enterprise', 'agency', 'law_firm', 'mediator', 'debtor'] as const;

/** Roles that must use TOTP two-factor authentication before anything beyond setting it up. */
export const MFA_REQUIRED_ROLES: readonly Role[] = ['regulator', 'agency'];

const SIGNED_IN: Role[] = ['creditor', 'enterprise', 'enterprise_verified', 'agency', 'law_firm', 'mediator', 'partner', 'debtor', 'regulator'];
const EVERYONE: Role[] = ['public', ...SIGNED_IN];
/** Who can be a creditor: individuals and enterprises (small firms above all). */
const CREDITORS: Role[] = ['creditor', 'enterprise', 'enterprise_verified'];
const CASE_PARTIES: Role[] = [...CREDITORS, 'agency', 'debtor', 'regulator'];

/** The policy table: permission → roles holding it. */
export const POLICY = {
  'registry:read': EVERYONE,
  'registry:check-code': EVERYONE,
  'auth:register': ['public'],
  'auth:login': EVERYONE,
  'auth:session': SIGNED_IN,
  'account:self': SIGNED_IN,
  'account:mfa': SIGNED_IN,
  'account:pii-log': SIGNED_IN,
  'account:data-request': SIGNED_IN,
  'verification:submit': ['enterprise', 'debtor', 'agency'],
  'related-parties:manage': ['enterprise_verified'],
  'related-parties:lawsuits': ['enterprise_verified', 'regulator'],
  'verification:review': ['regulator'],
  'users:manage': ['regulator'],
  'tokens:manage': ['regulator'],
  'data-request:review': ['regulator'],
  'access-log:read': ['regulator'],
  'registry:partner-read': ['partner', 'regulator'],
  'persons:read': SIGNED_IN,
  'persons:manage': ['regulator'],
  'retention:run': ['regulator'],
  'log:read': EVERYONE,
  'fees:quote': EVERYONE,
  'log:append': ['agency', 'law_firm', 'mediator', 'regulator'],
  // Parties upload their own evidence (contracts, delivery notes, objection grounds); appending raw log entries stays with the professionals.
  'evidence:upload': [...CASE_PARTIES, 'law_firm', 'mediator'],
  'evidence:download': ['agency', 'law_firm', 'mediator', 'regulator'],
  // Cases: the service then checks that the caller is party to the case (creditor, its agency, the debtor).
  'debts:create': CREDITORS,
  'cases:open': CREDITORS,
  // Mediators read the cases they took from the mediation queue (the service checks the assignment).
  'cases:read-own': [...CASE_PARTIES, 'mediator'],
  'cases:act': CASE_PARTIES,
  'fees:publish': ['agency'],
  'fees:read': EVERYONE,
  'objections:file': ['debtor', 'enterprise_verified'],
  'objections:decide': ['regulator'],
  'notifications:read': SIGNED_IN,
  'complaints:file': SIGNED_IN,
  'complaints:respond': ['agency'],
  'complaints:review': ['regulator'],
  'ratings:submit': [...CREDITORS, 'agency'],
  'reputation:read': EVERYONE,
  'reputation:creditors': ['agency', 'regulator'],
  'certification:apply': ['agency'],
  'certification:decide': ['regulator'],
  'sync:manage': ['regulator'],
  'batch:check': SIGNED_IN,
  'watchlist:manage': SIGNED_IN,
  'lawfirm:manage': ['law_firm'],
  'mediation:negotiate': [...CASE_PARTIES, 'mediator'],
  'mediation:mediate': ['mediator'],
  'stats:oversight': ['regulator'],
  'profile:read': [...CREDITORS, 'agency', 'partner', 'regulator'],
} as const satisfies Record<string, readonly Role[]>;

/** A permission a route can require. */
export type Permission = keyof typeof POLICY;

/** All permissions, for the matrix test and the route guard. */
export const PERMISSIONS = Object.keys(POLICY) as Permission[];

/** True when the role holds the permission. */
export function allows(role: Role, permission: Permission): boolean {
  return (POLICY[permission] as readonly Role[]).includes(role);
}

/** Permissions an API token of a partner may be scoped to. */
export const TOKEN_SCOPES: readonly Permission[] = ['registry:read', 'registry:check-code', 'registry:partner-read', 'watchlist:manage', 'batch:check'];
