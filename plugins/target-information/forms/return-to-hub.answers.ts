// Generated from return-to-hub.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Return target to the issuing hub" (return-to-hub, version 1). */
export type ReturnToHubAnswers = {
  /** Why are you returning the target? */
  reason: 'wrong-port' | 'information-missing' | 'arrived-earlier';
  /** Details */
  details: string;
};
