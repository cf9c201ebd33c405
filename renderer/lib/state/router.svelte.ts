// Which screen is open, kept in the location hash (`#/patients?patient=P1001`) so the menu, links
// from a claim to the patient chart and the browser's back button all agree.

// `need`: the permission (electron/security/roles.ts) a role must have for the menu to show the
// screen; the handlers check it again, so hiding is for clarity, not protection.
export const SCREENS = [
  { id: 'patients', label: 'Patients', key: '1', need: 'patients.view', group: 'office' },
  { id: 'visits', label: 'Nurse visits', key: '2', need: 'visits.own', group: 'office' },
  { id: 'dispenses', label: 'Dispensing', key: '3', need: 'patients.view', group: 'office' },
  { id: 'billing', label: 'Billing', key: '4', need: 'claims.view', group: 'office' },
  { id: 'received', label: 'Received files', key: 'R', need: 'claims.view', group: 'office' },
  { id: 'denials', label: 'Denials', key: 'D', need: 'claims.view', group: 'office' },
  { id: 'ar', label: 'Receivables', key: 'A', need: 'claims.view', group: 'office' },
  { id: 'settings', label: 'Settings', key: '5', need: 'settings.edit', group: 'office' },
  { id: 'users', label: 'Users', key: '6', need: 'users.manage', group: 'admin' },
  { id: 'tokens', label: 'API tokens', key: '7', need: 'tokens.manage', group: 'admin' },
  { id: 'audit', label: 'Audit trail', key: '8', need: 'audit.view', group: 'admin' },
  { id: 'backups', label: 'Backups', key: '9', need: 'backup.run', group: 'admin' },
] as const;

export type ScreenId = (typeof SCREENS)[number]['id'];

export interface Route {
  screen: ScreenId;
  params: Record<string, string>;
}

const DEFAULT: Route = { screen: 'patients', params: {} };

export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const [name = '', query = ''] = body.split('?');
  const screen = SCREENS.find((s) => s.id === name)?.id;
  if (!screen) return { ...DEFAULT, params: {} };
  const params: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(query)) params[k] = v;
  return { screen, params };
}

export function formatHash(route: Route): string {
  const q = new URLSearchParams(route.params).toString();
  return `#/${route.screen}${q ? `?${q}` : ''}`;
}

export class Router {
  screen = $state<ScreenId>(DEFAULT.screen);
  params = $state<Record<string, string>>({});

  constructor(hash = '') {
    this.apply(parseHash(hash));
  }

  apply(route: Route): void {
    this.screen = route.screen;
    this.params = route.params;
  }

  /** open a screen; `params` such as { patient: 'P1001', therapy: 'T1' } */
  go(screen: ScreenId, params: Record<string, string> = {}): void {
    this.apply({ screen, params });
    if (typeof location !== 'undefined') {
      const hash = formatHash({ screen, params });
      if (location.hash !== hash) history.pushState(null, '', hash);
    }
  }

  /** keep in step with the address bar (back/forward) */
  listen(): () => void {
    const onPop = () => this.apply(parseHash(location.hash));
    window.addEventListener('popstate', onPop);
    window.addEventListener('hashchange', onPop);
    return () => {
      window.removeEventListener('popstate', onPop);
      window.removeEventListener('hashchange', onPop);
    };
  }
}

/** the app's router; screens read `router.params` (e.g. the patient to open) */
export const router = new Router(typeof location !== 'undefined' ? location.hash : '');
