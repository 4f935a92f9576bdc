/** Outcomes that are a refusal of leave to enter and need a Higher Officer's authorisation. */
export const REFUSALS = ['refused-removal', 'refused-detained'];
