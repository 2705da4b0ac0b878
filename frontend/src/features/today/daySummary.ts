// How the today page states its figures; plain code shared by the antd page and the light one (TodayLight).

export const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((100 * part) / whole)}%`);

/** A count as the card shows it: counting stops at 1000 on the server. */
export const count = (slice: { total: number; capped: boolean }) => `${slice.total}${slice.capped ? '+' : ''}`;

/** Who has a working day here: an integrator's account lands on the contacts instead. */
export const WORKING_ROLES = ['SALES_REP', 'SERVICE_AGENT', 'MANAGER', 'ADMIN'] as const;
